namespace FeedbackBot.Core.Analysis.Statistics;

/// <summary>Intervals and trend tests for proportions such as CSAT, first-contact resolution and response rate.</summary>
public static class Proportions
{
    /// <summary>The 97.5% quantile of the standard normal distribution: the z of a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>
    /// The Wilson score interval for <paramref name="successes"/> out of <paramref name="n"/>, as fractions in [0, 1].
    /// Unlike the plain normal interval it stays inside [0, 1] and does not collapse to a point at 0% or 100%.
    /// </summary>
    /// <param name="successes">How many answers counted as a success.</param>
    /// <param name="n">How many answers there were; at least one.</param>
    /// <param name="z">The normal quantile; <see cref="Z95"/> for 95%.</param>
    /// <exception cref="ArgumentOutOfRangeException">n is not positive, successes is negative or above n, or z is not positive.</exception>
    public static Interval Wilson(long successes, long n, double z = Z95)
    {
        Guard.Positive(n, nameof(n));
        Guard.Part(successes, n, nameof(successes));
        if (!double.IsFinite(z) || z <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(z), z, "The normal quantile must be positive.");
        }

        var size = (double)n;
        var p = successes / size;
        var z2 = z * z;
        var denominator = 1 + (z2 / size);
        var centre = (p + (z2 / (2 * size))) / denominator;
        var half = z / denominator * Math.Sqrt((p * (1 - p) / size) + (z2 / (4 * size * size)));

        // At 0 and n the bound is exactly 0 or 1 in theory; rounding must not leave the estimate outside.
        var low = successes == 0 ? 0 : Math.Clamp(centre - half, 0, p);
        var high = successes == n ? 1 : Math.Clamp(centre + half, p, 1);
        return new Interval(low, high);
    }

    /// <summary>
    /// Two-proportion z test with the pooled standard error, of the current p1 = x1/n1 against the previous
    /// p2 = x2/n2. Statistic is z, positive when p1 &gt; p2; EffectSize is Cohen's h = 2·asin(√p1) − 2·asin(√p2);
    /// DegreesOfFreedom is null. When the pooled standard error is 0 (both 0% or both 100%) there is no
    /// difference to test: Statistic 0, PValue 1.
    /// </summary>
    /// <param name="x1">Successes in the current period.</param>
    /// <param name="n1">Answers in the current period; at least one.</param>
    /// <param name="x2">Successes in the previous period.</param>
    /// <param name="n2">Answers in the previous period; at least one.</param>
    /// <exception cref="ArgumentOutOfRangeException">A total is not positive, or successes are negative or above their total.</exception>
    public static TestResult Compare(long x1, long n1, long x2, long n2)
    {
        Guard.Positive(n1, nameof(n1));
        Guard.Part(x1, n1, nameof(x1));
        Guard.Positive(n2, nameof(n2));
        Guard.Part(x2, n2, nameof(x2));

        var p1 = x1 / (double)n1;
        var p2 = x2 / (double)n2;
        var h = (2 * Math.Asin(Math.Sqrt(p1))) - (2 * Math.Asin(Math.Sqrt(p2)));
        var successes = (double)x1 + x2;
        var total = (double)n1 + n2;
        if (successes == 0 || successes == total)
        {
            return new TestResult(0, 1, h, null);
        }

        var pooled = successes / total;
        var standardError = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / n1) + (1.0 / n2)));
        var z = (p1 - p2) / standardError;
        return new TestResult(z, Distributions.TwoSidedNormal(z), h, null);
    }
}
