using FeedbackBot.Core.History;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Reviews;
using FeedbackBot.Core.Reviews.Building;
using FeedbackBot.Data;
using FeedbackBot.Features.Reviews;
using Microsoft.EntityFrameworkCore;
using ReviewCycle = FeedbackBot.Data.Entities.ReviewCycle;

namespace FeedbackBot.Features.History;

/// <summary>A KPI's figure in every completed cycle of a plan, and the control chart drawn over them.</summary>
/// <param name="Kpi">The KPI, as the plan version the caller chose defines it (the command line: the current one).</param>
/// <param name="Name">How the KPI reads in a report: CSAT, eNPS, first-contact resolution.</param>
/// <param name="Chart">The chart over the cycles that have a figure.</param>
/// <param name="Withheld">Completed cycles without a figure (too few answers, or the KPI not in their plan version), oldest first.</param>
/// <param name="Actions">The plan's improvement actions on this KPI that went live, by the day they did, to draw on the chart.</param>
internal sealed record KpiHistory(
    Kpi Kpi, string Name, ControlChart Chart, IReadOnlyList<(DateTime Start, DateTime End)> Withheld, IReadOnlyList<(int Number, string Title, DateOnly ImplementedOn)> Actions)
{
    /// <summary>The chart that fits a metric: a p-chart for a share of answers, an individuals chart otherwise.</summary>
    public static ChartKind KindOf(KpiMetric metric) =>
        metric is KpiMetric.Csat or KpiMetric.Agree or KpiMetric.Fcr or KpiMetric.ResponseRate ? ChartKind.P : ChartKind.Individuals;

    /// <summary>
    /// Builds each completed cycle's review input exactly as a review does and evaluates its KPIs with the review's
    /// own evaluation, so every point is the figure that cycle's review reports. With <paramref name="upTo"/>, cycles that
    /// started after that one are left out, and so are actions that went live after it ended, so a page drawn for one
    /// review stays the same however many cycles follow it.
    /// </summary>
    public static async Task<KpiHistory> LoadAsync(
        FeedbackDbContext db, Guid planId, MeasurementPlan plan, Kpi kpi, DateTime now, ReviewCycle? upTo, CancellationToken cancellationToken)
    {
        var query = db.ReviewCycles.AsNoTracking().Where(c => c.PlanId == planId);
        if (upTo is not null)
        {
            query = query.Where(c => c.StartsAt <= upTo.StartsAt);
        }

        var cycles = await query.OrderBy(c => c.StartsAt).ToListAsync(cancellationToken);

        var figures = new List<CycleFigure>();
        var withheld = new List<(DateTime, DateTime)>();
        foreach (var cycle in cycles.Where(c => !CreateReview.IsOpen(c, now)))
        {
            var input = await ReviewSources.LoadAsync(db, cycle, cancellationToken);

            // The population only corrects the margin of error, which the chart does not show; value, n and interval do not depend on it.
            var evaluated = MetricEvaluation.Evaluate(input, population: null).FirstOrDefault(k => k.Kpi.Id == kpi.Id);
            if (evaluated is not { Current: { } current, Result: { Value: { } value, N: { } n, Ci95: { } ci95 } })
            {
                withheld.Add((cycle.StartsAt, cycle.EndsAt));
                continue;
            }

            figures.Add(new CycleFigure(
                cycle.StartsAt, cycle.EndsAt, value, n, ci95, current.Kind == EstimateKind.Proportion ? current.Successes : null));
        }

        // A proportion KPI whose estimate came out as another kind cannot be pooled; the individuals chart still applies.
        var kind = KindOf(kpi.Metric) == ChartKind.P && figures.All(f => f.Successes is not null) ? ChartKind.P : ChartKind.Individuals;
        var audience = kpi.Question is null ? null : plan.FindQuestion(kpi.Question)?.Audience;
        var actions = await db.ImprovementActions.AsNoTracking()
            .Where(a => a.PlanId == planId && a.Kpi == kpi.Id && a.ImplementedOn != null)
            .OrderBy(a => a.ImplementedOn).ThenBy(a => a.Number)
            .Select(a => new { a.Number, a.Title, a.ImplementedOn })
            .ToListAsync(cancellationToken);
        var lastDay = upTo is null ? DateOnly.MaxValue : DateOnly.FromDateTime(upTo.EndsAt);
        return new KpiHistory(
            kpi, MetricNames.Heading(kpi, audience), ControlCharts.Build(plan.Id, kpi.Id, kind, figures), withheld,
            [.. actions.Where(a => a.ImplementedOn!.Value < lastDay).Select(a => (a.Number, a.Title, a.ImplementedOn!.Value))]);
    }
}
