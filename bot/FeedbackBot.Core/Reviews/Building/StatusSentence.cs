using System.Globalization;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Reviews.Building;

/// <summary>
/// A KPI's status in one sentence a manager reads without knowing what a confidence interval is: where the value is
/// against the target, and whether the number of answers is enough to be sure of that side.
/// </summary>
public static class StatusSentence
{
    /// <summary>
    /// "4.34 is above the target of 4.20, but with these 38 answers it could still be below it: at risk." For a KPI
    /// where lower is better, "above" is the wrong side. Without a value, why there is none.
    /// </summary>
    /// <param name="kpi">The KPI.</param>
    /// <param name="status">Its status (<see cref="KpiStatus"/>).</param>
    /// <param name="value">Its value, as reported; null when there is not enough data.</param>
    /// <param name="n">How many answers or figures the value rests on.</param>
    /// <param name="missingReason">Why there is no value, as the end of a sentence ("fewer than 5 answers").</param>
    public static string Of(Kpi kpi, string status, double? value, long? n, string? missingReason)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(status);
        var target = MetricNames.Format(kpi.Metric, kpi.Target);
        if (value is not { } v || status == KpiStatus.NotEnoughData)
        {
            return $"Not enough data to compare with the target of {target}: {missingReason ?? "there is no value for this cycle"}.";
        }

        var shown = MetricNames.Format(kpi.Metric, v);
        var higher = kpi.Direction == KpiDirection.Higher;
        var good = higher ? "above" : "below";
        var bad = higher ? "below" : "above";
        var basis = n is { } count
            ? string.Create(CultureInfo.InvariantCulture, $"these {count:#,0} {UnitOf(kpi, count)}")
            : "these figures";

        // Compared as they are shown, so the sentence never says "above" of two figures that read the same.
        var side = string.Equals(shown, target, StringComparison.Ordinal) ? 0 : (v > kpi.Target) == higher ? 1 : -1;
        var where = side switch
        {
            0 => $"{shown} is exactly at the target of {target}",
            > 0 => $"{shown} is {good} the target of {target}",
            _ => $"{shown} is {bad} the target of {target}",
        };
        return status switch
        {
            KpiStatus.Met => $"{where}, and with {basis} it is very likely {(side == 0 ? "at or " : string.Empty)}{good} it: met.",
            KpiStatus.Missed => $"{where}, and with {basis} it is very likely {bad} it: missed.",
            _ => side switch
            {
                0 => $"{where}; with {basis} it could be on either side of it: at risk.",
                > 0 => $"{where}, but with {basis} it could still be {bad} it: at risk.",
                _ => $"{where}, but with {basis} it could still be {good} it: at risk.",
            },
        };
    }

    private static string UnitOf(Kpi kpi, long count) => kpi.Metric switch
    {
        KpiMetric.Operational => count == 1 ? "figure" : "figures",
        KpiMetric.ResponseRate => count == 1 ? "invitation" : "invitations",
        _ => count == 1 ? "answer" : "answers",
    };
}
