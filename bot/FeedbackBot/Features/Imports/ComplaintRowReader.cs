namespace FeedbackBot.Features.Imports;

/// <summary>Reads the rows of a complaints log.</summary>
internal sealed class ComplaintRowReader : IRowReader<ComplaintRow>
{
    public const string ReceivedAtColumn = "received_at";
    public const string CategoryColumn = "category";
    public const string ChannelColumn = "channel";
    public const string SegmentColumn = "segment";
    public const string TextColumn = "text";
    public const string ResolvedAtColumn = "resolved_at";

    // The database's column sizes.
    private const int MaxCategoryLength = 100;
    private const int MaxChannelLength = 50;
    private const int MaxSegmentLength = 200;

    private static readonly string[] Required = [ReceivedAtColumn, CategoryColumn, ChannelColumn, SegmentColumn, TextColumn];
    private static readonly string[] Optional = [ResolvedAtColumn];

    private ComplaintRowReader(ColumnLayout layout) => Layout = layout;

    public ColumnLayout Layout { get; }

    public static ComplaintRowReader Create(string file, IReadOnlyList<string> header, List<ImportError> errors) =>
        new(ColumnLayout.Read(file, header, Required, Optional, _ => false,
            name => $"unknown column '{name}': a complaints file has {string.Join(", ", Required)} and optionally {string.Join(", ", Optional)}",
            errors));

    public ComplaintRow? Read(RowCells row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var receivedAt = Instant(row, ReceivedAtColumn, required: true);
        var category = Limited(row, CategoryColumn, MaxCategoryLength, required: true);
        var channel = Limited(row, ChannelColumn, MaxChannelLength, required: false);
        var segment = Limited(row, SegmentColumn, MaxSegmentLength, required: false);
        var text = Limited(row, TextColumn, ImportValues.MaxTextLength, required: true);
        var resolvedAt = Instant(row, ResolvedAtColumn, required: false);
        if (receivedAt is { } received && resolvedAt is { } resolved && resolved < received)
        {
            row.Error(ResolvedAtColumn, $"resolved_at {row.Text(ResolvedAtColumn)} is before received_at {row.Text(ReceivedAtColumn)}");
        }

        return row.IsValid
            ? new ComplaintRow(receivedAt!.Value, category, Empty(channel), Empty(segment), text, resolvedAt, row.Row.Cells)
            : null;
    }

    private static DateTime? Instant(RowCells row, string column, bool required)
    {
        var text = row.Text(column);
        if (text.Length == 0)
        {
            if (required)
            {
                row.Error(column, $"{column} is empty; give a date and time such as 2026-10-05T14:30:00Z");
            }

            return null;
        }

        if (ImportValues.TryParseInstant(text, out var instant))
        {
            return instant;
        }

        row.Error(column, $"{ImportValues.Quote(text)} is not an ISO 8601 date and time, such as 2026-10-05T14:30:00Z or 2026-10-05 14:30 (no offset means UTC)");
        return null;
    }

    private static string Limited(RowCells row, string column, int maxLength, bool required)
    {
        var text = row.Text(column);
        if (required && text.Length == 0)
        {
            row.Error(column, $"{column} is empty");
        }
        else if (text.Length > maxLength)
        {
            row.Error(column, $"{column} is {ImportValues.Count(text.Length)} characters long; at most {ImportValues.Count(maxLength)} are kept");
        }

        return text;
    }

    private static string? Empty(string text) => text.Length == 0 ? null : text;
}
