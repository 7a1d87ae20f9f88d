using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Reviews;

/// <summary>Judges a KPI against its target by where its 95% interval lies.</summary>
public static class KpiStatus
{
    /// <summary>The whole interval is on the right side of the target.</summary>
    public const string Met = "met";

    /// <summary>The interval contains the target: it may or may not be met.</summary>
    public const string AtRisk = "at_risk";

    /// <summary>The whole interval is on the wrong side of the target.</summary>
    public const string Missed = "missed";

    /// <summary>Fewer answers than the minimum group size, or none: no judgement is made.</summary>
    public const string NotEnoughData = "not_enough_data";

    /// <summary>The status of a value with its interval; without an interval the value itself is compared.</summary>
    public static string Of(double? value, double? low, double? high, double target, KpiDirection direction)
    {
        if (value is not { } v || double.IsNaN(v))
        {
            return NotEnoughData;
        }

        var lo = low ?? v;
        var hi = high ?? v;
        return direction == KpiDirection.Higher
            ? lo >= target ? Met : hi < target ? Missed : AtRisk
            : hi <= target ? Met : lo > target ? Missed : AtRisk;
    }

    /// <summary>How far the value is on the good side of the target; negative when on the wrong side.</summary>
    public static double? Gap(double? value, double target, KpiDirection direction) =>
        value is not { } v || double.IsNaN(v) ? null : direction == KpiDirection.Higher ? v - target : target - v;
}
