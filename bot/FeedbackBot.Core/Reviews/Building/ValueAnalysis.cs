using FeedbackBot.Core.Analysis.Statistics;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Reviews.Building;

/// <summary>
/// Puts the review's figures into money with the plan's <c>value</c> section. Each figure needs its own inputs; one
/// missing leaves that figure null. Intervals are carried through linearly from the share each figure rests on (the
/// detractor share's Wilson interval, the first-contact resolution KPI's interval): the amounts in the plan are taken
/// as given, so the interval says how sure the survey is, not how sure the plan's assumptions are.
/// </summary>
public static class ValueAnalysis
{
    /// <summary>What the cycle's figures are worth; null when the plan has no <c>value</c> section.</summary>
    public static ValueAtStake? Evaluate(
        ValueModel? model, MeasurementPlan plan, IReadOnlyList<MetricResult> metrics, IReadOnlyList<QuestionDistribution> distributions, ComplaintReport? complaints)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(distributions);
        if (model is null)
        {
            return null;
        }

        var customers = (double)model.CustomersPerCycle;
        MoneyFigure? revenueAtRisk = null;
        if (model.RevenuePerCustomer is { } revenue && model.Churn is { } churn && DetractorShare(metrics, distributions) is var (share, low, high))
        {
            var perShare = customers * churn.Detractor * revenue;
            revenueAtRisk = Money(perShare * share, perShare * low, perShare * high);
        }

        MoneyFigure? complaintCost = model.CostPerComplaint is { } perComplaint && complaints is not null
            ? new MoneyFigure(Round(complaints.Total * perComplaint), null)
            : null;

        MoneyFigure? repeatCost = null;
        if (model.CostPerRepeatContact is { } perRepeat && Fcr(metrics) is { Value: { } fcr } kpi)
        {
            var perPoint = customers * perRepeat / 100;
            repeatCost = kpi.Ci95 is [var fcrLow, var fcrHigh]
                ? Money(perPoint * (100 - fcr), perPoint * (100 - fcrHigh), perPoint * (100 - fcrLow))
                : new MoneyFigure(Round(perPoint * (100 - fcr)), null);
        }

        return new ValueAtStake(model.Currency, revenueAtRisk, complaintCost, repeatCost);
    }

    /// <summary>
    /// What reaching the target of the KPI a recommendation rests on would be worth in a cycle; null when it rests on
    /// no KPI, the KPI meets its target already, or the plan gives no value for that KPI. First-contact resolution at
    /// target saves the repeat contacts of the gap; NPS at target is taken as detractors becoming passives (promoters
    /// unchanged: the cautious reading), each then leaving at the passive rate instead of the detractor rate.
    /// </summary>
    public static double? IfMet(ValueModel? model, Recommendation recommendation, IReadOnlyList<MetricResult> metrics, IReadOnlyList<QuestionDistribution> distributions)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        ArgumentNullException.ThrowIfNull(metrics);
        if (model is null || KpiOf(recommendation, metrics) is not { Value: { } value } kpi)
        {
            return null;
        }

        var shortBy = kpi.Direction == "lower" ? value - kpi.Target : kpi.Target - value;
        if (shortBy <= 0)
        {
            return null;
        }

        var customers = (double)model.CustomersPerCycle;
        switch (MetricNames.Parse(kpi.Metric))
        {
            case KpiMetric.Fcr when model.CostPerRepeatContact is { } perRepeat:
                return Round(customers * shortBy / 100 * perRepeat);
            case KpiMetric.Nps when model.Churn is { } churn && model.RevenuePerCustomer is { } revenue
                                    && DetractorShare(metrics, distributions) is var (share, _, _):
                // No more detractors can become passives than there are.
                var converted = Math.Min(shortBy / 100, share);
                return Round(customers * converted * Math.Max(0, churn.Detractor - churn.Passive) * revenue);
            default:
                return null;
        }
    }

    // The NPS KPI's detractors (0 to 6) as a share of its answers, with the Wilson interval; null without the answers.
    private static (double Share, double Low, double High)? DetractorShare(IReadOnlyList<MetricResult> metrics, IReadOnlyList<QuestionDistribution> distributions)
    {
        var nps = metrics.FirstOrDefault(m => MetricNames.Parse(m.Metric) == KpiMetric.Nps && m.Question is not null);
        var distribution = nps is null ? null : distributions.FirstOrDefault(d => d.Question == nps.Question);
        if (distribution is not { Suppressed: false, N: > 0 })
        {
            return null;
        }

        var detractors = distribution.Counts
            .Where(c => int.TryParse(c.Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var score) && score <= 6)
            .Sum(c => c.Count);
        var interval = Proportions.Wilson(detractors, distribution.N);
        return ((double)detractors / distribution.N, interval.Low, interval.High);
    }

    private static MetricResult? Fcr(IReadOnlyList<MetricResult> metrics) =>
        metrics.FirstOrDefault(m => MetricNames.Parse(m.Metric) == KpiMetric.Fcr && m.Feature is null)
        ?? metrics.FirstOrDefault(m => MetricNames.Parse(m.Metric) == KpiMetric.Fcr);

    // The KPI a recommendation rests on: its evidence names the KPI's id, or its metric on the recommendation's feature.
    private static MetricResult? KpiOf(Recommendation recommendation, IReadOnlyList<MetricResult> metrics) =>
        metrics.FirstOrDefault(m => m.Id == recommendation.Evidence.Metric)
        ?? metrics.FirstOrDefault(m => m.Metric == recommendation.Evidence.Metric && m.Feature == recommendation.Feature)
        ?? metrics.FirstOrDefault(m => m.Metric == recommendation.Evidence.Metric);

    private static MoneyFigure Money(double value, double low, double high) => new(Round(value), [Round(low), Round(high)]);

    private static double Round(double amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
