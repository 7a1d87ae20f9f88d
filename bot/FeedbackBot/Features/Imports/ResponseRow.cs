using FeedbackBot.Core.Plans;

namespace FeedbackBot.Features.Imports;

/// <summary>One good row of a responses file: the response as given, and the row's cells for its idempotency key.</summary>
internal sealed record ResponseRow(
    string RespondentId,
    DateTime SubmittedAt,
    Audience Audience,
    string? Segment,
    double? DurationSeconds,
    IReadOnlyList<ResponseAnswer> Answers,
    IReadOnlyList<string> Cells);

/// <summary>A non-empty answer cell, trimmed, with the question it answers.</summary>
internal sealed record ResponseAnswer(Question Question, string Value);
