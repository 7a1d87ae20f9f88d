using System.Text.Json.Serialization;

namespace FeedbackBot.Core.Plans;

/// <summary>One question of a measurement plan.</summary>
/// <param name="Id">Stable identifier within the plan; answers and KPIs refer to it.</param>
/// <param name="Text">The wording shown to the respondent.</param>
/// <param name="Type">What kind of answer it takes.</param>
/// <param name="Feature">The service feature it measures, one of the plan's features; null for general questions.</param>
/// <param name="Required">Whether a response without an answer to it is incomplete.</param>
/// <param name="Audience">Who is asked it.</param>
/// <param name="Options">The options of a choice or multichoice question, in display order; empty otherwise.</param>
/// <param name="Labels">
/// The plan's own words for the five points of a rating5 or agree5 question, from 1 to 5; null when the question
/// uses its type's words (<see cref="ScaleWords"/>). Left out of the stored JSON when null, so plans stored before
/// labels existed keep their content hash.
/// </param>
public sealed record Question(
    string Id,
    string Text,
    QuestionType Type,
    string? Feature,
    bool Required,
    Audience Audience,
    IReadOnlyList<string> Options,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Labels = null);
