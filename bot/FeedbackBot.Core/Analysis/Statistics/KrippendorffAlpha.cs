namespace FeedbackBot.Core.Analysis.Statistics;

/// <summary>
/// Krippendorff's alpha, the agreement among any number of coders (evaluators) who each coded some of the units
/// (interactions), computed from the coincidence matrix as in Krippendorff (2011), "Computing Krippendorff's
/// Alpha-Reliability". 1 is perfect agreement, 0 agreement no better than chance; 0.667 is the usual lowest value to
/// draw tentative conclusions from.
/// </summary>
public static class KrippendorffAlpha
{
    /// <summary>
    /// α = 1 − (n − 1)·Σ o_ck·δ²_ck / Σ n_c·n_k·δ²_ck, where o_ck counts the c–k pairs within each unit weighted by
    /// 1/(m_u − 1), n_c = Σ_k o_ck and n = Σ n_c. Missing values are simply not in a unit's list; units with fewer than
    /// two values are left out, because they hold no pair to compare.
    /// </summary>
    /// <param name="units">The values given to each unit, one per coder who coded it.</param>
    /// <param name="metric">How far apart two values are.</param>
    /// <returns>
    /// Alpha; null when it is undefined: no unit has two values, or every pairable value is the same, so there is no
    /// disagreement that could be expected by chance and agreement cannot be told from it.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite.</exception>
    public static double? Compute(IEnumerable<IReadOnlyCollection<double>> units, AlphaMetric metric)
    {
        ArgumentNullException.ThrowIfNull(units);
        var pairable = units.Where(u => u.Count >= 2).ToList();
        foreach (var value in pairable.SelectMany(u => u))
        {
            Guard.Finite(value, nameof(units));
        }

        var values = pairable.SelectMany(u => u).Distinct().Order().ToArray();
        if (values.Length == 0)
        {
            return null;
        }

        var coincidences = Coincidences(pairable, values);
        var marginals = new double[values.Length];
        for (var c = 0; c < values.Length; c++)
        {
            for (var k = 0; k < values.Length; k++)
            {
                marginals[c] += coincidences[c, k];
            }
        }

        var n = marginals.Sum();
        double observed = 0, expected = 0;
        for (var c = 0; c < values.Length; c++)
        {
            for (var k = 0; k < values.Length; k++)
            {
                var delta = SquaredDistance(metric, values, marginals, c, k);
                observed += coincidences[c, k] * delta;
                expected += marginals[c] * marginals[k] * delta;
            }
        }

        return expected == 0 ? null : 1 - ((n - 1) * observed / expected);
    }

    /// <summary>o_ck: each unit's ordered pairs of values from different coders, each pair weighted 1/(m_u − 1).</summary>
    private static double[,] Coincidences(List<IReadOnlyCollection<double>> units, double[] values)
    {
        var matrix = new double[values.Length, values.Length];
        foreach (var unit in units)
        {
            var counts = unit.GroupBy(v => Array.BinarySearch(values, v)).ToDictionary(g => g.Key, g => g.Count());
            var weight = 1.0 / (unit.Count - 1);
            foreach (var (c, countC) in counts)
            {
                foreach (var (k, countK) in counts)
                {
                    // A value paired with itself needs two coders who gave it: a·(a − 1) ordered pairs, not a².
                    matrix[c, k] += (c == k ? countC * (countC - 1) : countC * countK) * weight;
                }
            }
        }

        return matrix;
    }

    private static double SquaredDistance(AlphaMetric metric, double[] values, double[] marginals, int c, int k)
    {
        switch (metric)
        {
            case AlphaMetric.Nominal:
                return c == k ? 0 : 1;
            case AlphaMetric.Interval:
                var difference = values[c] - values[k];
                return difference * difference;
            case AlphaMetric.Ordinal:
                // (Σ_{g from c to k} n_g − (n_c + n_k)/2)²: the ranks between the two values, half-counting the ends.
                var (low, high) = c <= k ? (c, k) : (k, c);
                double between = 0;
                for (var g = low; g <= high; g++)
                {
                    between += marginals[g];
                }

                var distance = between - ((marginals[c] + marginals[k]) / 2);
                return distance * distance;
            default:
                throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown metric.");
        }
    }
}
