using MathNet.Numerics.Distributions;

namespace FeedbackBot.Core.Analysis.Statistics;

/// <summary>Tests on counts of events, such as complaints per cycle.</summary>
public static class Counts
{
    /// <summary>
    /// Compares two Poisson rates by the exact conditional test: given k₁ + k₂ events, k₁ is binomial with
    /// p = t₁ / (t₁ + t₂) when the rates are equal, where t is each count's exposure (days, or interactions). The
    /// two-sided p doubles the smaller tail, capped at 1. The effect size is the rate ratio (k₁/t₁) / (k₂/t₂).
    /// </summary>
    /// <returns>The test, or null when neither count has an event (nothing to compare).</returns>
    public static RateComparison? CompareRates(long current, double currentExposure, long previous, double previousExposure)
    {
        Guard.Count(current, nameof(current));
        Guard.Count(previous, nameof(previous));
        if (!(currentExposure > 0) || !double.IsFinite(currentExposure))
        {
            throw new ArgumentOutOfRangeException(nameof(currentExposure), currentExposure, "An exposure must be positive.");
        }

        if (!(previousExposure > 0) || !double.IsFinite(previousExposure))
        {
            throw new ArgumentOutOfRangeException(nameof(previousExposure), previousExposure, "An exposure must be positive.");
        }

        var total = current + previous;
        if (total == 0)
        {
            return null;
        }

        var p = currentExposure / (currentExposure + previousExposure);
        var n = (int)total;
        var k = (int)current;
        var lower = Binomial.CDF(p, n, k);
        var upper = k == 0 ? 1 : 1 - Binomial.CDF(p, n, k - 1);
        var pValue = Math.Min(1, 2 * Math.Min(lower, upper));
        double? ratio = previous == 0 ? null : (current / currentExposure) / (previous / previousExposure);
        return new RateComparison(pValue, ratio);
    }
}

/// <summary>The result of comparing two rates of events.</summary>
/// <param name="PValue">The two-sided p-value, in [0, 1].</param>
/// <param name="RateRatio">The current rate over the previous one; null when the previous count is 0.</param>
public sealed record RateComparison(double PValue, double? RateRatio);
