using System.Globalization;

namespace FeedbackBot.Core.Plans;

/// <summary>
/// The words beside the numbers of a scale question, wherever the scale is shown: cards, modals, the answer shown
/// back, plan descriptions and the reports' answer distributions. One place, so a statement rated on agreement never
/// reads "very satisfied" in one of them.
/// </summary>
public static class ScaleWords
{
    /// <summary>How many labels a question with its own labels has: one per point of a five-point scale.</summary>
    public const int LabelCount = 5;

    /// <summary>The words of an agree5 question, from 1 to 5.</summary>
    public static IReadOnlyList<string> Agreement { get; } =
        ["strongly disagree", "disagree", "neither agree nor disagree", "agree", "strongly agree"];

    /// <summary>Whether a question of this type may name its points with its own <see cref="Question.Labels"/>.</summary>
    public static bool TakesLabels(QuestionType type) => type is QuestionType.Rating5 or QuestionType.Agree5;

    /// <summary>
    /// The words for one point of a scale question: the plan's labels when it has them, else the type's words; null
    /// when the point is shown as its number alone (the middle points of rating5, nps and effort7) or is not on the scale.
    /// </summary>
    public static string? Of(Question question, int value)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.Labels is { Count: LabelCount } labels && TakesLabels(question.Type))
        {
            return value is >= 1 and <= LabelCount ? labels[value - 1] : null;
        }

        return (question.Type, value) switch
        {
            (QuestionType.Agree5, >= 1 and <= 5) => Agreement[value - 1],
            (QuestionType.Rating5, 1) => "very dissatisfied",
            (QuestionType.Rating5, 5) => "very satisfied",
            (QuestionType.Nps, 0) => "not at all likely",
            (QuestionType.Nps, 10) => "extremely likely",
            (QuestionType.Effort7, 1) => "very easy",
            (QuestionType.Effort7, 7) => "very difficult",
            _ => null,
        };
    }

    /// <summary>A point as it reads beside its number: "4 – agree", or "3" when the point has no words.</summary>
    public static string Label(Question question, int value)
    {
        var number = value.ToString(CultureInfo.InvariantCulture);
        return Of(question, value) is { } words ? $"{number} – {words}" : number;
    }

    /// <summary>A value as it reads beside its words, given the words: "4 – agree", or the value alone.</summary>
    public static string Label(string value, string? words) => words is null ? value : $"{value} – {words}";
}
