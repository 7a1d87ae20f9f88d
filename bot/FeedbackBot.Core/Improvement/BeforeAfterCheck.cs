using System.Globalization;
using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Reviews.Building;

namespace FeedbackBot.Core.Improvement;

/// <summary>
/// Whether an improvement action moved its KPI: the usable answers before and after it went live, each window pooled
/// across its cycles, compared with the estimator and test the review uses for that KPI's trend (two-proportion z for
/// csat, agree and fcr, z on the NPS standard errors, Welch's t for means), with its effect size.
/// </summary>
public static class BeforeAfterCheck
{
    /// <summary>The significance level of the verdict.</summary>
    public const double Alpha = 0.05;

    /// <summary>The power at which "enough data to have seen the planned change" is judged.</summary>
    public const double Power = 0.8;

    private const double ZAlpha = 1.959963984540054;
    private const double ZBeta = 0.8416212335729143;

    /// <summary>Compares the two windows' answers to the KPI's question.</summary>
    /// <param name="kpi">The plan's KPI, computed from answers (csat, agree, fcr, nps, ces or mean).</param>
    /// <param name="before">The usable answers before, pooled.</param>
    /// <param name="after">The usable answers after, pooled.</param>
    /// <param name="target">The success criterion; the KPI's target unless the action set another.</param>
    /// <exception cref="ArgumentException">The KPI is not computed from answers.</exception>
    public static ActionCheck Run(Kpi kpi, AnswerTally before, AnswerTally after, double target)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        var check = Compute(kpi, before, after, target);

        // Figures as the review rounds them, so a check reads the same as the reviews it compares.
        return check with
        {
            Before = Rounded(check.Before, kpi.Metric),
            After = Rounded(check.After, kpi.Metric),
            Change = Rounding.Value(check.Change, kpi.Metric),
            PValue = Rounding.PValue(check.PValue),
            EffectSize = Rounding.Effect(check.EffectSize),
        };
    }

    private static ActionCheck Compute(Kpi kpi, AnswerTally before, AnswerTally after, double target)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var was = KpiCalculator.FromAnswers(kpi, before, population: null);
        var now = KpiCalculator.FromAnswers(kpi, after, population: null);
        var higher = kpi.Direction == KpiDirection.Higher;
        if (was is null || now is null)
        {
            return new ActionCheck(kpi.Id, Window(was), Window(now), null, null, null, target, null, ActionVerdict.Inconclusive, null,
                was is null ? "There are no usable answers before the change to compare with." : "There are no usable answers since the change yet.");
        }

        var test = KpiCalculator.Compare(now, was);
        var change = now.Value - was.Value;
        var better = higher ? change > 0 : change < 0;
        var metAfter = higher ? now.Interval.Low >= target : now.Interval.High <= target;
        if (test.PValue < Alpha)
        {
            return new ActionCheck(kpi.Id, Window(was), Window(now), change, test.PValue, test.EffectSize, target, metAfter,
                better ? ActionVerdict.Improved : ActionVerdict.NotImproved, null,
                better ? "The KPI moved the good way, more than chance would explain." : "The KPI moved the wrong way, more than chance would explain.");
        }

        // Not significant: was there enough data to have seen the change the action was meant to make?
        var planned = higher ? target - was.Value : was.Value - target;
        if (planned <= 0)
        {
            return new ActionCheck(kpi.Id, Window(was), Window(now), change, test.PValue, test.EffectSize, target, metAfter, ActionVerdict.Inconclusive, null,
                "The KPI already met the success criterion before the change, so there was no planned change to look for.");
        }

        var needed = RequiredPerWindow(was, target, planned);
        if (needed is { } n && now.N >= n && was.N >= n)
        {
            return new ActionCheck(kpi.Id, Window(was), Window(now), change, test.PValue, test.EffectSize, target, metAfter, ActionVerdict.NotImproved, 0,
                string.Create(CultureInfo.InvariantCulture, $"With {was.N} answers before and {now.N} after, a change of {planned:0.##} would have shown; it did not."));
        }

        var more = needed is { } m ? Math.Max(0, m - now.N) : (long?)null;
        return new ActionCheck(kpi.Id, Window(was), Window(now), change, test.PValue, test.EffectSize, target, metAfter, ActionVerdict.Inconclusive, more,
            more is { } count
                ? string.Create(CultureInfo.InvariantCulture, $"Not enough answers to tell yet: about {count} more after the change (and {Math.Max(0, needed!.Value - was.N)} more before) would show a change of {planned:0.##}.")
                : "Not enough answers to tell yet.");
    }

    /// <summary>
    /// The answers each window needs for a two-sided test at <see cref="Alpha"/> to find the planned change with
    /// <see cref="Power"/>: for proportions the two-proportion formula at the baseline and target shares; for means
    /// and NPS 2·(z₁₋α/₂ + z₁₋β)²·σ² / δ², with σ from the answers before.
    /// </summary>
    private static long? RequiredPerWindow(KpiEstimate was, double target, double planned)
    {
        double n;
        switch (was.Kind)
        {
            case EstimateKind.Proportion:
                var p1 = Math.Clamp(was.Value / 100, 0.001, 0.999);
                var p2 = Math.Clamp(target / 100, 0.001, 0.999);
                var pBar = (p1 + p2) / 2;
                var root = (ZAlpha * Math.Sqrt(2 * pBar * (1 - pBar))) + (ZBeta * Math.Sqrt((p1 * (1 - p1)) + (p2 * (1 - p2))));
                n = root * root / ((p1 - p2) * (p1 - p2));
                break;
            case EstimateKind.NetPromoter:
                var promoters = (double)was.Promoters / was.N;
                var detractors = (double)was.Detractors / was.N;
                var variance = 10_000 * (promoters + detractors - ((promoters - detractors) * (promoters - detractors)));
                n = 2 * (ZAlpha + ZBeta) * (ZAlpha + ZBeta) * variance / (planned * planned);
                break;
            default:
                if (double.IsNaN(was.StandardDeviation) || was.StandardDeviation <= 0)
                {
                    return null;
                }

                n = 2 * (ZAlpha + ZBeta) * (ZAlpha + ZBeta) * was.StandardDeviation * was.StandardDeviation / (planned * planned);
                break;
        }

        return double.IsFinite(n) ? (long)Math.Ceiling(n) : null;
    }

    private static CheckWindow Rounded(CheckWindow window, KpiMetric metric) => window with
    {
        Value = Rounding.Value(window.Value, metric),
        Ci95 = window.Ci95 is [var low, var high] ? [Rounding.Value(low, metric)!.Value, Rounding.Value(high, metric)!.Value] : null,
    };

    private static CheckWindow Window(KpiEstimate? estimate) =>
        estimate is null ? new CheckWindow(null, 0, null) : new CheckWindow(estimate.Value, estimate.N, [estimate.Interval.Low, estimate.Interval.High]);
}
