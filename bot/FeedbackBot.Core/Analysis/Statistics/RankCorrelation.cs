namespace FeedbackBot.Core.Analysis.Statistics;

/// <summary>Spearman's rank correlation with its 95% interval, from counts of answer pairs.</summary>
public static class RankCorrelation
{
    /// <summary>
    /// Spearman's rho of the pairs: Pearson's correlation of their ranks, tied values sharing the average of the ranks
    /// they span. Null when fewer than two pairs, or when either side has one value only (no order to correlate).
    /// </summary>
    public static double? Spearman(PairTally pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.N < 2)
        {
            return null;
        }

        var xRanks = AverageRanks(pairs.Counts.GroupBy(p => p.Key.X).ToDictionary(g => g.Key, g => g.Sum(p => p.Value)));
        var yRanks = AverageRanks(pairs.Counts.GroupBy(p => p.Key.Y).ToDictionary(g => g.Key, g => g.Sum(p => p.Value)));

        // Every rank set 1..n has the same mean, (n + 1) / 2, whatever the ties.
        var mean = (pairs.N + 1) / 2.0;
        double sxy = 0, sxx = 0, syy = 0;
        foreach (var ((x, y), count) in pairs.Counts)
        {
            var dx = xRanks[x] - mean;
            var dy = yRanks[y] - mean;
            sxy += count * dx * dy;
            sxx += count * dx * dx;
            syy += count * dy * dy;
        }

        return sxx == 0 || syy == 0 ? null : Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
    }

    /// <summary>
    /// The 95% interval of a correlation by Fisher's z: z = atanh(rho), se = 1/√(n − 3), back through tanh. Null when
    /// n ≤ 3 (no standard error) or |rho| = 1 (atanh is infinite, and a point interval would claim certainty the
    /// sample cannot give).
    /// </summary>
    public static Interval? FisherInterval(double rho, long n, double z = Proportions.Z95)
    {
        if (n <= 3 || Math.Abs(rho) >= 1)
        {
            return null;
        }

        var centre = Math.Atanh(rho);
        var se = 1 / Math.Sqrt(n - 3);
        return new Interval(Math.Tanh(centre - (z * se)), Math.Tanh(centre + (z * se)));
    }

    private static Dictionary<double, double> AverageRanks(Dictionary<double, long> counts)
    {
        var ranks = new Dictionary<double, double>();
        long below = 0;
        foreach (var (value, count) in counts.OrderBy(c => c.Key))
        {
            // The values tied at this one take ranks below + 1 .. below + count; each gets their mean.
            ranks[value] = below + ((count + 1) / 2.0);
            below += count;
        }

        return ranks;
    }
}
