using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Analysis;

/// <summary>One response as collected, before validation: values are kept exactly as given.</summary>
/// <param name="RespondentKey">Who answered: a customer id from the source, or a staff member's pseudonymous key.</param>
/// <param name="SubmittedAt">When it was submitted, UTC.</param>
/// <param name="Audience">Customer or staff.</param>
/// <param name="Segment">The respondent's segment (region, team, ...), if known.</param>
/// <param name="DurationSeconds">How long answering took, if known.</param>
/// <param name="Answers">Raw answer text by question id; a missing or blank entry means not answered.</param>
/// <param name="Agent">For a customer asked about an interaction, the member of staff who handled it; null otherwise.</param>
/// <param name="Channel">For a customer asked about an interaction, its channel (phone, email, chat, ...); null otherwise.</param>
public sealed record ResponseRecord(
    string RespondentKey,
    DateTime SubmittedAt,
    Audience Audience,
    string? Segment,
    double? DurationSeconds,
    IReadOnlyDictionary<string, string> Answers,
    string? Agent = null,
    string? Channel = null);
