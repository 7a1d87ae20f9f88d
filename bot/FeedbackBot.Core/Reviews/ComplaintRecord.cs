namespace FeedbackBot.Core.Reviews;

/// <summary>One entry of the complaints log.</summary>
/// <param name="ReceivedAt">When it was received, UTC.</param>
/// <param name="Category">Its category.</param>
/// <param name="Channel">How it arrived, if known.</param>
/// <param name="Segment">The customer's segment, if known.</param>
/// <param name="Text">What the customer said.</param>
/// <param name="ResolvedAt">When it was resolved, if it was.</param>
public sealed record ComplaintRecord(DateTime ReceivedAt, string Category, string? Channel, string? Segment, string Text, DateTime? ResolvedAt);
