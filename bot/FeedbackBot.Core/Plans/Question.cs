namespace FeedbackBot.Core.Plans;

/// <summary>One question of a measurement plan.</summary>
/// <param name="Id">Stable identifier within the plan; answers and KPIs refer to it.</param>
/// <param name="Text">The wording shown to the respondent.</param>
/// <param name="Type">What kind of answer it takes.</param>
/// <param name="Feature">The service feature it measures, one of the plan's features; null for general questions.</param>
/// <param name="Required">Whether a response without an answer to it is incomplete.</param>
/// <param name="Audience">Who is asked it.</param>
/// <param name="Options">The options of a choice or multichoice question, in display order; empty otherwise.</param>
public sealed record Question(
    string Id,
    string Text,
    QuestionType Type,
    string? Feature,
    bool Required,
    Audience Audience,
    IReadOnlyList<string> Options);
