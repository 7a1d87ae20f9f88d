namespace FeedbackBot.Core.Analysis.Statistics;

/// <summary>
/// 95% margins of error and sample sizes, corrected for a finite population: a sample that is a large part of
/// a small team says more than the same number of answers from a large customer base.
/// </summary>
public static class MarginOfError
{
    /// <summary>
    /// The finite population correction √((N − n)/(N − 1)); 1 when the population is unknown or at most 1,
    /// and 0 when the sample is the whole population.
    /// </summary>
    /// <param name="n">The sample size.</param>
    /// <param name="population">The population size N, when known.</param>
    /// <exception cref="ArgumentOutOfRangeException">n is negative.</exception>
    public static double FiniteCorrection(long n, long? population)
    {
        Guard.Count(n, nameof(n));
        if (population is not { } size || size <= 1)
        {
            return 1;
        }

        if (n >= size)
        {
            return 0;
        }

        return Math.Sqrt((size - (double)n) / (size - 1.0));
    }

    /// <summary>The margin of a proportion: z·√(p(1 − p)/n)·FPC, with z = <see cref="Proportions.Z95"/>.</summary>
    /// <param name="p">The proportion, 0 to 1.</param>
    /// <param name="n">The number of answers; at least one.</param>
    /// <param name="population">The population size, when known.</param>
    /// <exception cref="ArgumentOutOfRangeException">p is outside [0, 1], or n is not positive.</exception>
    public static double ForProportion(double p, long n, long? population)
    {
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A proportion must be between 0 and 1.");
        }

        Guard.Positive(n, nameof(n));
        return Proportions.Z95 * Math.Sqrt(p * (1 - p) / n) * FiniteCorrection(n, population);
    }

    /// <summary>The margin of a mean: t(0.975, n − 1)·sd/√n·FPC.</summary>
    /// <param name="standardDeviation">The sample standard deviation.</param>
    /// <param name="n">The number of observations; at least two.</param>
    /// <param name="population">The population size, when known.</param>
    /// <exception cref="ArgumentException">n is below 2.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The standard deviation is negative or not finite.</exception>
    public static double ForMean(double standardDeviation, long n, long? population)
    {
        Guard.AtLeastTwo(n, nameof(n));
        Guard.StandardDeviation(standardDeviation, nameof(standardDeviation));
        return Distributions.T975(n - 1) * standardDeviation / Math.Sqrt(n) * FiniteCorrection(n, population);
    }

    /// <summary>The margin of an NPS in points: z·SE·FPC, with z = <see cref="Proportions.Z95"/> and SE from <see cref="NetPromoter.StandardError"/>.</summary>
    /// <param name="promoters">Answers of 9 or 10.</param>
    /// <param name="detractors">Answers of 0 to 6.</param>
    /// <param name="n">All answers; at least one.</param>
    /// <param name="population">The population size, when known.</param>
    /// <exception cref="ArgumentOutOfRangeException">n is not positive, a count is negative, or promoters and detractors exceed n.</exception>
    public static double ForNetPromoter(long promoters, long detractors, long n, long? population) =>
        Proportions.Z95 * NetPromoter.StandardError(promoters, detractors, n) * FiniteCorrection(n, population);

    /// <summary>
    /// The answers needed for a proportion's margin at the worst case p = 0.5, 95%: n0 = z²·0.25/m², then
    /// n = ⌈n0 / (1 + (n0 − 1)/N)⌉ when the population N is known, and never more than N.
    /// </summary>
    /// <param name="margin">The margin as a fraction, e.g. 0.05 for ±5 points; above 0 and at most 1.</param>
    /// <param name="population">The population size, when known.</param>
    /// <exception cref="ArgumentOutOfRangeException">The margin is outside (0, 1] or so small no count could reach it, or the population is negative.</exception>
    public static long SampleSizeForProportion(double margin, long? population)
    {
        if (!(margin > 0 && margin <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(margin), margin, "A margin must be above 0 and at most 1.");
        }

        if (population < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(population), population, "A population cannot be negative.");
        }

        var n0 = Proportions.Z95 * Proportions.Z95 * 0.25 / (margin * margin);
        var needed = population is { } size && size > 0 ? n0 / (1 + ((n0 - 1) / size)) : n0;
        var rounded = Math.Ceiling(needed);
        if (rounded >= long.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(margin), margin, "No sample size can reach a margin this small.");
        }

        var sampleSize = (long)rounded;
        return population is { } cap ? Math.Min(sampleSize, cap) : sampleSize;
    }
}
