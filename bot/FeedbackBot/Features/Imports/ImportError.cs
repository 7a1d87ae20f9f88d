namespace FeedbackBot.Features.Imports;

/// <summary>
/// One problem in an import file, printed as <c>FILE:ROW:COLUMN: message</c>: ROW is the line of the file where the
/// record starts (the header is line 1) and COLUMN the header name, so an editor or a spreadsheet finds the cell.
/// </summary>
internal sealed record ImportError(string File, long Row, string? Column, string Message)
{
    public override string ToString() => Column is null ? $"{File}:{Row}: {Message}" : $"{File}:{Row}:{Column}: {Message}";

    /// <summary>The same place and message marked as a warning: <c>FILE:ROW:COLUMN: warning: message</c>.</summary>
    public string ToWarning() => Column is null ? $"{File}:{Row}: warning: {Message}" : $"{File}:{Row}:{Column}: warning: {Message}";
}
