namespace FeedbackBot.Core.Analysis;

/// <summary>What a raw answer value means for its question.</summary>
/// <param name="IsAnswered">False when the value is missing or blank.</param>
/// <param name="IsAllowed">Whether the question's type and options allow the value; false for unanswered.</param>
/// <param name="Number">The numeric value of a scale answer, or 1/0 for yes/no; null otherwise.</param>
/// <param name="Choices">The canonical options chosen, for choice and multichoice answers; empty otherwise.</param>
/// <param name="Normalized">The value as it is stored and shown: trimmed, options in their plan spelling, yes/no as yes or no.</param>
public sealed record AnswerCheck(bool IsAnswered, bool IsAllowed, double? Number, IReadOnlyList<string> Choices, string Normalized)
{
    /// <summary>A missing or blank answer.</summary>
    public static AnswerCheck Unanswered { get; } = new(false, false, null, [], string.Empty);

    internal static AnswerCheck NotAllowed(string raw) => new(true, false, null, [], raw);
}
