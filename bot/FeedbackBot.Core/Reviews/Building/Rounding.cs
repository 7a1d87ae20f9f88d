using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Reviews.Building;

/// <summary>
/// How figures are rounded in a review: to what a manager reads and what the JSON contract promises (0.1 for
/// percentages and NPS, 0.01 for means), so the stored snapshot and every rendering agree.
/// </summary>
public static class Rounding
{
    /// <summary>Decimals kept for a metric's values.</summary>
    public static int DecimalsOf(KpiMetric metric) => metric switch
    {
        KpiMetric.Csat or KpiMetric.Agree or KpiMetric.Fcr or KpiMetric.ResponseRate or KpiMetric.Nps => 1,
        _ => 2,
    };

    /// <summary>A value rounded for a metric; null stays null.</summary>
    public static double? Value(double? value, KpiMetric metric) =>
        value is { } v ? Math.Round(v, DecimalsOf(metric), MidpointRounding.AwayFromZero) : null;

    /// <summary>A p-value to four decimals.</summary>
    public static double? PValue(double? p) => p is { } v ? Math.Round(v, 4, MidpointRounding.AwayFromZero) : null;

    /// <summary>An effect size to three decimals.</summary>
    public static double? Effect(double? d) => d is { } v ? Math.Round(v, 3, MidpointRounding.AwayFromZero) : null;

    /// <summary>A percentage to one decimal.</summary>
    public static double Percent(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
