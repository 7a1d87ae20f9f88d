namespace FeedbackBot.Core.Analysis.Statistics;

/// <summary>Intervals and trend tests for means of scales such as CES or a 1–5 rating, from summary statistics.</summary>
public static class Means
{
    /// <summary>The 95% t interval mean ± t(0.975, n − 1)·sd/√n; zero width when sd is 0.</summary>
    /// <param name="n">How many observations; at least two.</param>
    /// <param name="mean">The sample mean.</param>
    /// <param name="standardDeviation">The sample standard deviation (divisor n − 1).</param>
    /// <exception cref="ArgumentException">n is below 2.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The mean is not finite, or the standard deviation is negative or not finite.</exception>
    public static Interval TInterval(long n, double mean, double standardDeviation)
    {
        Guard.AtLeastTwo(n, nameof(n));
        Guard.Finite(mean, nameof(mean));
        Guard.StandardDeviation(standardDeviation, nameof(standardDeviation));
        var margin = Distributions.T975(n - 1) * standardDeviation / Math.Sqrt(n);
        return new Interval(mean - margin, mean + margin);
    }

    /// <summary>
    /// Welch's t test of the current mean1 against the previous mean2, not assuming equal variances, with the
    /// Welch–Satterthwaite degrees of freedom. Statistic is t, positive when mean1 &gt; mean2. EffectSize is
    /// Cohen's d, (mean1 − mean2) over the pooled SD √(((n1−1)s1² + (n2−1)s2²)/(n1+n2−2)). When both variances
    /// are 0 there is no spread to test against: Statistic 0, PValue 1 if the means are equal else 0, d 0, and
    /// DegreesOfFreedom n1 + n2 − 2 because the Welch–Satterthwaite formula is 0/0.
    /// </summary>
    /// <param name="n1">Observations in the current period; at least two.</param>
    /// <param name="mean1">Mean in the current period.</param>
    /// <param name="sd1">Sample standard deviation in the current period.</param>
    /// <param name="n2">Observations in the previous period; at least two.</param>
    /// <param name="mean2">Mean in the previous period.</param>
    /// <param name="sd2">Sample standard deviation in the previous period.</param>
    /// <exception cref="ArgumentException">A sample has fewer than two observations.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A mean is not finite, or a standard deviation is negative or not finite.</exception>
    public static TestResult Welch(long n1, double mean1, double sd1, long n2, double mean2, double sd2)
    {
        Guard.AtLeastTwo(n1, nameof(n1));
        Guard.Finite(mean1, nameof(mean1));
        Guard.StandardDeviation(sd1, nameof(sd1));
        Guard.AtLeastTwo(n2, nameof(n2));
        Guard.Finite(mean2, nameof(mean2));
        Guard.StandardDeviation(sd2, nameof(sd2));

        var difference = mean1 - mean2;
        var v1 = sd1 * sd1 / n1;
        var v2 = sd2 * sd2 / n2;
        var sum = v1 + v2;
        if (sum == 0)
        {
            return new TestResult(0, difference == 0 ? 1 : 0, 0, (double)n1 + n2 - 2);
        }

        var t = difference / Math.Sqrt(sum);

        // Shares of the combined variance rather than the variances themselves, so squaring tiny variances
        // cannot underflow to 0/0.
        var share1 = v1 / sum;
        var share2 = v2 / sum;
        var df = 1 / ((share1 * share1 / (n1 - 1)) + (share2 * share2 / (n2 - 1)));

        var pooled = Math.Sqrt(((n1 - 1) * sd1 * sd1 + (n2 - 1) * sd2 * sd2) / ((double)n1 + n2 - 2));
        var d = pooled > 0 ? difference / pooled : 0;
        return new TestResult(t, Distributions.TwoSidedT(t, df), d, df);
    }
}
