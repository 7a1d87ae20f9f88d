using System.Globalization;
using FeedbackBot.Core.Analysis.Statistics;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Scorecards;

namespace FeedbackBot.Core.Reviews.Building;

/// <summary>
/// Sets QA evaluations of a cycle's interactions beside the customers' view of the same features: pass rates per
/// feature, the gaps between what evaluators see and what customers feel, and the most-failed criteria as shortfalls.
/// Everything is team-level: the evaluations' agents and evaluators are never read.
/// </summary>
public static class QualityMonitoringAnalysis
{
    /// <summary>The kind of a shortfall made of a most-failed criterion.</summary>
    public const string ShortfallKind = "qa_criterion";

    /// <summary>The kind of a gap between a feature's QA pass rate and its customers' score.</summary>
    public const string GapKind = "qa_vs_customer";

    /// <summary>The key of the rule that advises coaching on a most-failed criterion.</summary>
    public const string CoachingRule = "qa_coaching";

    /// <summary>
    /// The quality monitoring section: null when the plan has no scorecards or none of the input's evaluations is on
    /// one of them.
    /// </summary>
    public static QualityMonitoring? Summarise(ReviewInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Plan.Scorecards is not { Count: > 0 } scorecards || input.Evaluations is not { Count: > 0 } evaluations)
        {
            return null;
        }

        // No target, so no coverage: the report's per-agent rows are left unread, since a review is posted to channels.
        var report = QaReport.Build(scorecards, evaluations, target: null, now: DateTime.MinValue);
        if (report.Evaluations == 0)
        {
            return null;
        }

        var rules = input.Rules;
        var criteria = report.Criteria
            .Select(row => (Row: row, Scorecard: scorecards.First(s => s.Id == row.Scorecard)))
            .Select(r => (r.Row, r.Scorecard, Criterion: r.Scorecard.FindCriterion(r.Row.Id)!))
            .ToList();
        var customers = GapAnalysis.TopBox(input);
        var features = input.Plan.Features
            .Concat(scorecards.SelectMany(s => s.Criteria.Select(c => c.Feature)))
            .Distinct(StringComparer.Ordinal)
            .Where(f => scorecards.Any(s => s.Criteria.Any(c => c.Feature == f)))
            .Select(feature =>
            {
                var rows = criteria.Where(c => c.Criterion.Feature == feature).ToList();
                var applicable = rows.Sum(r => r.Row.Applicable);
                var passed = rows.Sum(r => r.Row.Passed);
                var customer = customers.TryGetValue((feature, Audience.Customer), out var c) && c.N >= input.Plan.MinimumGroupSize && c.N > 0
                    ? c
                    : ((long Top, long N)?)null;
                double? qaRate = applicable == 0 ? null : 100.0 * passed / applicable;
                double? customerScore = customer is { } seen ? 100.0 * seen.Top / seen.N : null;
                return new QaFeatureResult(
                    feature,
                    Round(qaRate),
                    applicable,
                    applicable == 0 ? null : Wilson(passed, applicable),
                    Round(customerScore),
                    customer?.N,
                    qaRate is { } q && customerScore is { } s ? Rounding.Percent(s - q) : null);
            })
            .ToList();

        var failed = criteria
            .Where(c => c.Row.Applicable >= rules.QaMinimumApplicable && c.Row.PassRate < c.Scorecard.PassMark)
            .OrderBy(c => c.Row.PassRate)
            .ThenByDescending(c => c.Row.Applicable)
            .ThenBy(c => c.Scorecard.Id, StringComparer.Ordinal)
            .ThenBy(c => c.Criterion.Id, StringComparer.Ordinal)
            .Take(rules.QaMostFailed)
            .Select(c => new QaFailedCriterion(
                c.Scorecard.Id, c.Criterion.Id, c.Criterion.Text, c.Criterion.Feature, c.Row.Applicable, c.Row.Passed, Rounding.Percent(c.Row.PassRate!.Value)))
            .ToList();

        return new QualityMonitoring(report.Evaluations, Round(report.AverageScore), Round(report.PassRate), Round(report.CriticalFailRate), features, failed);
    }

    /// <summary>
    /// Each most-failed criterion as a shortfall, citing its pass rate with its Wilson interval, the applicable answers
    /// it rests on, and its scorecard's pass mark as the bar it fell below.
    /// </summary>
    public static IReadOnlyList<Finding> Shortfalls(QualityMonitoring? quality, ReviewInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (quality is null)
        {
            return [];
        }

        return [.. quality.FailedCriteria.Select(criterion =>
        {
            var scorecard = input.Plan.FindScorecard(criterion.Scorecard)!;
            var evaluations = input.Evaluations?.Count(e => e.Scorecard == scorecard.Id) ?? 0;
            return new Finding(
                ShortfallKind,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"\"{criterion.Text}\" passed in {criterion.Passed} of {criterion.Applicable} evaluated interactions where it applied ({criterion.PassRate:0.0}%), below the {scorecard.Name} scorecard's pass mark of {scorecard.PassMark:0.#}%, over {evaluations} evaluations."),
                criterion.Feature,
                Evidence(criterion, scorecard.PassMark));
        })];
    }

    /// <summary>
    /// Features whose QA pass rate and customers' score differ by more than the rules' points, when the pass rate
    /// rests on at least the rules' minimum of applicable answers and customers' on the plan's minimum group size. No
    /// test backs it, because the QA answers are not independent (one evaluation answers several criteria).
    /// </summary>
    public static IReadOnlyList<Gap> Gaps(QualityMonitoring? quality, ReviewRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (quality is null)
        {
            return [];
        }

        return [.. quality.Features
            .Where(f => f.Gap is { } gap && Math.Abs(gap) > rules.QaCustomerGapPoints && f.QaN >= rules.QaMinimumApplicable)
            .Select(f =>
            {
                var words = GapAnalysis.Words(f.Feature);
                var opening = f.Gap < 0
                    ? $"Evaluators see {words} better than customers feel it"
                    : $"Customers feel {words} is better than evaluators see it";
                return new Gap(
                    GapKind,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{opening}: {f.QaPassRate!.Value:0.0}% of QA checks of it passed against {f.CustomerScore!.Value:0.0}% of customers giving 4 or 5."),
                    f.Feature,
                    GapAnalysis.Share($"customer_rating:{f.Feature}", f.CustomerScore!.Value, f.CustomerN!.Value, $"Customers rating {words} 4 or 5"),
                    new Evidence($"qa_pass_rate:{f.Feature}", f.QaPassRate, null, f.QaN, f.QaCi95, null, null, null, [], $"QA checks of {words} passed"),
                    f.Gap!.Value,
                    null);
            })];
    }

    /// <summary>The evidence a most-failed criterion's shortfall and coaching recommendation cite.</summary>
    public static Evidence Evidence(QaFailedCriterion criterion, double passMark)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return new Evidence(
            MetricOf(criterion), criterion.PassRate, passMark, criterion.Applicable, Wilson(criterion.Passed, criterion.Applicable), null, null, null, [], criterion.Text);
    }

    /// <summary>The evidence's machine key for a criterion: <c>qa_criterion:scorecard/criterion</c>.</summary>
    public static string MetricOf(QaFailedCriterion criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return $"{ShortfallKind}:{criterion.Scorecard}/{criterion.Id}";
    }

    private static double[] Wilson(int passed, int applicable)
    {
        var interval = Proportions.Wilson(passed, applicable);
        return [Rounding.Percent(100 * interval.Low), Rounding.Percent(100 * interval.High)];
    }

    private static double? Round(double? value) => value is { } v ? Rounding.Percent(v) : null;
}
