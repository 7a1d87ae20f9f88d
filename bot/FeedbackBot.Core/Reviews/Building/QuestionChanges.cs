using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Analysis.Statistics;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Reviews.Building;

/// <summary>
/// Compares every scale and yes/no question with the previous cycle, not only those a KPI is computed from, with the
/// same tests the KPI trends use (<see cref="KpiCalculator.Compare"/>).
/// </summary>
public static class QuestionChanges
{
    /// <summary>
    /// Each scale and yes/no question of the plan, in plan order, that both cycles have at least the minimum group size of
    /// answers to; empty without a previous cycle.
    /// </summary>
    public static IReadOnlyList<ComparedQuestion> Compare(MeasurementPlan plan, CycleTallies current, CycleTallies? previous)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(current);
        if (previous is null)
        {
            return [];
        }

        var result = new List<ComparedQuestion>();
        foreach (var question in plan.Questions)
        {
            if (!current.Questions.TryGetValue(question.Id, out var now) || !previous.Questions.TryGetValue(question.Id, out var before)
                || Estimate(question, now) is not { } a || Estimate(question, before) is not { } b
                || a.N < plan.MinimumGroupSize || b.N < plan.MinimumGroupSize)
            {
                continue;
            }

            var test = KpiCalculator.Compare(a, b);
            var metric = a.Kind == EstimateKind.Mean ? KpiMetric.Mean : KpiMetric.Fcr;
            result.Add(new ComparedQuestion(
                question,
                a,
                test,
                new QuestionChange(
                    question.Id,
                    Rounding.Value(a.Value, metric)!.Value,
                    a.N,
                    Rounding.Value(b.Value, metric)!.Value,
                    Rounding.Value(a.Value - b.Value, metric)!.Value,
                    Rounding.PValue(test.PValue)!.Value,
                    Rounding.Effect(test.EffectSize)!.Value)));
        }

        return result;
    }

    /// <summary>Whether lower answers are the better ones: effort, and any question a lower-is-better KPI is computed from.</summary>
    public static bool LowerIsBetter(MeasurementPlan plan, Question question)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(question);
        return plan.Kpis.FirstOrDefault(k => k.Question == question.Id) is { } kpi
            ? kpi.Direction == KpiDirection.Lower
            : question.Type == QuestionType.Effort7;
    }

    // The mean of a scale question, or the share of yes of a yes/no one, as the KPI of that kind would estimate it, so
    // that the comparison is the KPI trends' own.
    private static KpiEstimate? Estimate(Question question, AnswerTally tally) => question.Type switch
    {
        QuestionType.YesNo => KpiCalculator.FromAnswers(new Kpi(question.Id, KpiMetric.Fcr, null, question.Id, 0, KpiDirection.Higher), tally, null),
        _ when AnswerValues.ScaleOf(question.Type) is not null =>
            KpiCalculator.FromAnswers(new Kpi(question.Id, KpiMetric.Mean, null, question.Id, 0, KpiDirection.Higher), tally, null),
        _ => null,
    };
}

/// <summary>A question's change on the previous cycle, with the test behind it.</summary>
/// <param name="Question">The question.</param>
/// <param name="Current">This cycle's estimate, with its interval.</param>
/// <param name="Test">The test, unrounded, for deciding whether the change is significant.</param>
/// <param name="Change">What the review reports.</param>
public sealed record ComparedQuestion(Question Question, KpiEstimate Current, TestResult Test, QuestionChange Change);
