using System.Globalization;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Analysis;

/// <summary>
/// The values each question type allows. A value that is not allowed is still kept as given: validation counts
/// its response as <c>out_of_range</c> instead of silently losing it.
/// </summary>
public static class AnswerValues
{
    /// <summary>The longest free-text answer kept, in characters.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>Separates the options of a multichoice answer.</summary>
    public const char ChoiceSeparator = ';';

    private static readonly string[] Yes = ["yes", "y", "true", "1"];
    private static readonly string[] No = ["no", "n", "false", "0"];

    /// <summary>Reads a raw value for a question.</summary>
    public static AnswerCheck Check(Question question, string? raw)
    {
        ArgumentNullException.ThrowIfNull(question);
        var value = raw?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            return AnswerCheck.Unanswered;
        }

        return question.Type switch
        {
            QuestionType.Rating5 or QuestionType.Agree5 => Scale(value, 1, 5),
            QuestionType.Nps => Scale(value, 0, 10),
            QuestionType.Effort7 => Scale(value, 1, 7),
            QuestionType.YesNo => YesNo(value),
            QuestionType.Choice => Choice(question, value),
            QuestionType.MultiChoice => MultiChoice(question, value),
            _ => value.Length <= MaxTextLength ? new AnswerCheck(true, true, null, [], value) : AnswerCheck.NotAllowed(value),
        };
    }

    /// <summary>The lowest and highest value of a scale question type, or null for other types.</summary>
    public static (int Min, int Max)? ScaleOf(QuestionType type) => type switch
    {
        QuestionType.Rating5 or QuestionType.Agree5 => (1, 5),
        QuestionType.Nps => (0, 10),
        QuestionType.Effort7 => (1, 7),
        _ => null,
    };

    private static AnswerCheck Scale(string value, int min, int max)
    {
        // Whole numbers only: "4.5" on a five-point scale is not an answer anyone gave by clicking.
        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return new AnswerCheck(true, true, number, [], number.ToString(CultureInfo.InvariantCulture));
        }

        return AnswerCheck.NotAllowed(value);
    }

    private static AnswerCheck YesNo(string value)
    {
        if (Yes.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            return new AnswerCheck(true, true, 1, [], "yes");
        }

        return No.Contains(value, StringComparer.OrdinalIgnoreCase)
            ? new AnswerCheck(true, true, 0, [], "no")
            : AnswerCheck.NotAllowed(value);
    }

    private static AnswerCheck Choice(Question question, string value)
    {
        var option = Canonical(question, value);
        return option is null ? AnswerCheck.NotAllowed(value) : new AnswerCheck(true, true, null, [option], option);
    }

    private static AnswerCheck MultiChoice(Question question, string value)
    {
        var chosen = new List<string>();
        foreach (var part in value.Split(ChoiceSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var option = Canonical(question, part);
            if (option is null)
            {
                return AnswerCheck.NotAllowed(value);
            }

            if (!chosen.Contains(option, StringComparer.Ordinal))
            {
                chosen.Add(option);
            }
        }

        if (chosen.Count == 0)
        {
            return AnswerCheck.Unanswered;
        }

        // Plan order, so "b;a" and "a;b" are the same answer.
        var ordered = question.Options.Where(o => chosen.Contains(o, StringComparer.Ordinal)).ToList();
        return new AnswerCheck(true, true, null, ordered, string.Join(ChoiceSeparator, ordered));
    }

    private static string? Canonical(Question question, string value) =>
        question.Options.FirstOrDefault(o => string.Equals(o.Trim(), value, StringComparison.OrdinalIgnoreCase));
}
