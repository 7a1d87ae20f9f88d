namespace FeedbackBot.Core.History;

/// <summary>The control chart of one KPI of a plan over its completed cycles, oldest first.</summary>
/// <param name="Plan">The plan's id.</param>
/// <param name="Kpi">The KPI's id.</param>
/// <param name="Kind">Which chart fits the KPI.</param>
/// <param name="Points">One point per cycle, in cycle order.</param>
public sealed record ControlChart(string Plan, string Kpi, ChartKind Kind, IReadOnlyList<ChartPoint> Points);

/// <summary>The kinds of control chart.</summary>
public enum ChartKind
{
    /// <summary>
    /// A p-chart, for a share of answers (CSAT, % agree, FCR, response rate): the limits follow from the binomial
    /// spread of each cycle's own n, so a small cycle gets wider limits.
    /// </summary>
    P,

    /// <summary>
    /// An individuals (XmR) chart, for means and NPS: the limits come from the cycle-to-cycle moving range. NPS is a
    /// difference of two shares, not one binomial share, so the p-chart's formula does not apply to it.
    /// </summary>
    Individuals,
}
