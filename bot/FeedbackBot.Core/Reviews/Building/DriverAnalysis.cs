using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Analysis.Statistics;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Reviews.Building;

/// <summary>
/// Finds the drivers of the plan's outcome: each other scale question's Spearman correlation with the outcome
/// question, its score, and its quadrant of the importance–performance matrix split at the items' medians.
/// </summary>
public static class DriverAnalysis
{
    /// <summary>The drivers of the cycle; null when the plan has no outcome or no question has enough answers with it.</summary>
    public static Drivers? Analyse(MeasurementPlan plan, CycleTallies tallies)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(tallies);
        if (plan.OutcomeKpi() is not { Question: { } outcomeQuestion } kpi || tallies.OutcomePairs is not { Count: > 0 } pairs)
        {
            return null;
        }

        var outcomeReversed = kpi.Direction == KpiDirection.Lower;
        var measured = new List<(Question Question, double Rho, IReadOnlyList<double>? Ci95, long N, double Performance)>();
        foreach (var question in plan.Questions)
        {
            // Fewer pairs than the minimum group size are withheld like any group that small.
            if (!pairs.TryGetValue(question.Id, out var tally) || tally.N < plan.MinimumGroupSize
                || RankCorrelation.Spearman(tally) is not { } raw
                || Performance(question, tallies.Questions[question.Id]) is not { } performance)
            {
                continue;
            }

            // Turning one side round turns the sign of rho and mirrors its interval.
            var sign = outcomeReversed ^ IsReversed(question) ? -1 : 1;
            var rho = sign * raw;
            var interval = RankCorrelation.FisherInterval(rho, tally.N);
            measured.Add((question, Round(rho), interval is { } i ? [Round(i.Low), Round(i.High)] : null, tally.N, Rounding.Percent(performance)));
        }

        if (measured.Count == 0)
        {
            return null;
        }

        var importanceSplit = Round(Median(measured.Select(m => m.Rho)));
        var performanceSplit = Rounding.Percent(Median(measured.Select(m => m.Performance)));
        return new Drivers(
            kpi.Id,
            outcomeQuestion,
            importanceSplit,
            performanceSplit,
            [.. measured
                .OrderByDescending(m => m.Rho)
                .ThenBy(m => m.Question.Id, StringComparer.Ordinal)
                .Select(m => new DriverItem(
                    m.Question.Id, m.Question.Feature, m.Rho, m.Ci95, m.N, m.Performance,
                    DriverQuadrants.Of(m.Rho, m.Performance, importanceSplit, performanceSplit)))]);
    }

    /// <summary>
    /// The share of favourable answers, in percent: 4 or 5 on a five-point scale (as csat counts them), 9 or 10 on
    /// nps (promoters), 1 or 2 on effort7 (easy); null when nobody answered.
    /// </summary>
    public static double? Performance(Question question, AnswerTally tally)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(tally);
        string[] favourable = question.Type switch
        {
            QuestionType.Nps => ["9", "10"],
            QuestionType.Effort7 => ["1", "2"],
            _ => ["4", "5"],
        };
        var answered = tally.Answered;
        return answered == 0 ? null : 100.0 * favourable.Sum(tally.CountOf) / answered;
    }

    /// <summary>Whether a low answer is the good one, so the question is turned round before correlating.</summary>
    public static bool IsReversed(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Type == QuestionType.Effort7;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double Round(double value) => Math.Round(value, 3, MidpointRounding.AwayFromZero);
}
