namespace FeedbackBot.Core.Analysis.Statistics;

/// <summary>
/// The Net Promoter Score, its standard error and trend test. NPS is the share of promoters (9–10) less the
/// share of detractors (0–6), in points from −100 to 100; its variance follows from treating each answer as
/// +1, 0 or −1.
/// </summary>
public static class NetPromoter
{
    /// <summary>The NPS in points, −100 to 100.</summary>
    /// <param name="promoters">Answers of 9 or 10.</param>
    /// <param name="detractors">Answers of 0 to 6.</param>
    /// <param name="n">All answers; at least one.</param>
    /// <exception cref="ArgumentOutOfRangeException">n is not positive, a count is negative, or promoters and detractors exceed n.</exception>
    public static double Score(long promoters, long detractors, long n)
    {
        Validate(promoters, detractors, n);
        return (promoters - detractors) / (double)n * 100;
    }

    /// <summary>
    /// The 95% interval NPS ± z·SE, with z = <see cref="Proportions.Z95"/> (1.96) and SE from
    /// <see cref="StandardError"/>, clamped to [−100, 100].
    /// </summary>
    /// <param name="promoters">Answers of 9 or 10.</param>
    /// <param name="detractors">Answers of 0 to 6.</param>
    /// <param name="n">All answers; at least one.</param>
    /// <exception cref="ArgumentOutOfRangeException">n is not positive, a count is negative, or promoters and detractors exceed n.</exception>
    public static Interval Interval(long promoters, long detractors, long n)
    {
        var score = Score(promoters, detractors, n);
        var margin = Proportions.Z95 * StandardError(promoters, detractors, n);
        return new Interval(Math.Max(-100, score - margin), Math.Min(100, score + margin));
    }

    /// <summary>The standard error in NPS points: √((p₊ + p₋ − (p₊ − p₋)²) / n) · 100.</summary>
    /// <param name="promoters">Answers of 9 or 10.</param>
    /// <param name="detractors">Answers of 0 to 6.</param>
    /// <param name="n">All answers; at least one.</param>
    /// <exception cref="ArgumentOutOfRangeException">n is not positive, a count is negative, or promoters and detractors exceed n.</exception>
    public static double StandardError(long promoters, long detractors, long n)
    {
        Validate(promoters, detractors, n);
        var size = (double)n;
        var plus = promoters / size;
        var minus = detractors / size;
        var difference = plus - minus;

        // Never negative in exact arithmetic; rounding at 100% promoters or detractors must not make it so.
        var variance = Math.Max(0, plus + minus - (difference * difference));
        return Math.Sqrt(variance / size) * 100;
    }

    /// <summary>
    /// z test of the current NPS against the previous one: z = (nps1 − nps2) / √(se1² + se2²). EffectSize is
    /// nps1 − nps2 in points; DegreesOfFreedom is null. When both standard errors are 0 (every answer the same in
    /// both periods) Statistic is 0 and PValue is 1 if the scores are equal, else 0.
    /// </summary>
    /// <param name="promoters1">Promoters in the current period.</param>
    /// <param name="detractors1">Detractors in the current period.</param>
    /// <param name="n1">Answers in the current period; at least one.</param>
    /// <param name="promoters2">Promoters in the previous period.</param>
    /// <param name="detractors2">Detractors in the previous period.</param>
    /// <param name="n2">Answers in the previous period; at least one.</param>
    /// <exception cref="ArgumentOutOfRangeException">A total is not positive, a count is negative, or promoters and detractors exceed their total.</exception>
    public static TestResult Compare(long promoters1, long detractors1, long n1, long promoters2, long detractors2, long n2)
    {
        var difference = Score(promoters1, detractors1, n1) - Score(promoters2, detractors2, n2);
        var se1 = StandardError(promoters1, detractors1, n1);
        var se2 = StandardError(promoters2, detractors2, n2);
        var combined = Math.Sqrt((se1 * se1) + (se2 * se2));
        if (combined == 0)
        {
            return new TestResult(0, difference == 0 ? 1 : 0, difference, null);
        }

        var z = difference / combined;
        return new TestResult(z, Distributions.TwoSidedNormal(z), difference, null);
    }

    private static void Validate(long promoters, long detractors, long n)
    {
        Guard.Positive(n, nameof(n));
        Guard.Part(promoters, n, nameof(promoters));
        Guard.Part(detractors, n, nameof(detractors));
        if (promoters + detractors > n)
        {
            throw new ArgumentOutOfRangeException(nameof(detractors), detractors, $"Promoters and detractors together cannot exceed the {n} answers.");
        }
    }
}
