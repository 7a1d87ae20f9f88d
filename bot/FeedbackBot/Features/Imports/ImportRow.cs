namespace FeedbackBot.Features.Imports;

/// <summary>One record of an import file: its cells as read (unquoted, not trimmed), or why it could not be read.</summary>
internal sealed record ImportRow(long Line, IReadOnlyList<string> Cells, ImportError? Unreadable);
