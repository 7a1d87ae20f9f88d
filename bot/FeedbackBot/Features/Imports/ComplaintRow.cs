namespace FeedbackBot.Features.Imports;

/// <summary>One good row of a complaints file, and its cells for the idempotency key.</summary>
internal sealed record ComplaintRow(
    DateTime ReceivedAt,
    string Category,
    string? Channel,
    string? Segment,
    string Text,
    DateTime? ResolvedAt,
    IReadOnlyList<string> Cells);
