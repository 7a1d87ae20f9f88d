using System.Globalization;
using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Reviews;

/// <summary>The answers to each question as counts and percentages, withheld when too few answered.</summary>
public static class Distributions
{
    /// <summary>One distribution per non-text question of the plan, in plan order.</summary>
    public static IReadOnlyList<QuestionDistribution> Of(MeasurementPlan plan, CycleTallies tallies)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(tallies);
        return [.. plan.Questions.Where(q => q.Type != QuestionType.Text).Select(q => Of(q, tallies.Questions[q.Id], plan.MinimumGroupSize))];
    }

    private static QuestionDistribution Of(Question question, AnswerTally tally, int minimumGroupSize)
    {
        var type = question.Type switch
        {
            QuestionType.YesNo => "yesno",
            QuestionType.MultiChoice => "multichoice",
            var t => t.ToString().ToLowerInvariant(),
        };
        if (tally.Answered < minimumGroupSize)
        {
            return new QuestionDistribution(question.Id, question.Text, type, question.Feature, tally.Answered, [], Suppressed: true);
        }

        var counts = ValuesOf(question)
            .Select(v => new ValueCount(v, tally.CountOf(v), Math.Round(100.0 * tally.CountOf(v) / tally.Answered, 1), WordsOf(question, v)))
            .ToList();
        return new QuestionDistribution(question.Id, question.Text, type, question.Feature, tally.Answered, counts, Suppressed: false);
    }

    /// <summary>The words for a scale point, so a report reads "4 – agree" rather than a bare 4.</summary>
    private static string? WordsOf(Question question, string value) =>
        AnswerValues.ScaleOf(question.Type) is not null && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var point)
            ? ScaleWords.Of(question, point)
            : null;

    /// <summary>Every value a question allows, in scale or option order.</summary>
    public static IReadOnlyList<string> ValuesOf(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (AnswerValues.ScaleOf(question.Type) is var (min, max))
        {
            return [.. Enumerable.Range(min, max - min + 1).Select(i => i.ToString(CultureInfo.InvariantCulture))];
        }

        return question.Type == QuestionType.YesNo ? ["yes", "no"] : question.Options;
    }
}
