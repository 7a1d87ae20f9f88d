namespace FeedbackBot.Core.Analysis.Statistics;

/// <summary>Whether a sample's make-up matches the population's, as a check of representativeness.</summary>
public static class GoodnessOfFit
{
    private const double SmallExpectedCount = 5;

    /// <summary>
    /// Pearson's chi-square of observed counts against expected shares: Σ (O − E)² / E with E = total · share,
    /// df = categories − 1 and the upper-tail p-value. Shares are any non-negative weights and are normalised.
    /// A category with share 0 and no observations is left out; returns null when fewer than two categories
    /// remain or nothing was observed.
    /// </summary>
    /// <param name="observed">Observed count per category.</param>
    /// <param name="expectedShares">Expected share (weight) per category, in the same order.</param>
    /// <exception cref="ArgumentException">The lists differ in length, or a category with share 0 was observed.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or a share is negative or not finite.</exception>
    public static GoodnessOfFitResult? ChiSquare(IReadOnlyList<long> observed, IReadOnlyList<double> expectedShares)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(expectedShares);
        if (observed.Count != expectedShares.Count)
        {
            throw new ArgumentException($"{observed.Count} observed counts but {expectedShares.Count} expected shares.", nameof(expectedShares));
        }

        double total = 0;
        double shareTotal = 0;
        var categories = 0;
        for (var i = 0; i < observed.Count; i++)
        {
            Guard.Count(observed[i], nameof(observed));
            var share = expectedShares[i];
            if (!double.IsFinite(share) || share < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(expectedShares), share, "A share must be finite and not negative.");
            }

            if (share == 0)
            {
                if (observed[i] > 0)
                {
                    throw new ArgumentException($"Category {i} was observed {observed[i]} times but has an expected share of 0.", nameof(observed));
                }

                continue;
            }

            total += observed[i];
            shareTotal += share;
            categories++;
        }

        if (categories < 2 || total == 0)
        {
            return null;
        }

        double chiSquare = 0;
        var approximate = false;
        for (var i = 0; i < observed.Count; i++)
        {
            if (expectedShares[i] == 0)
            {
                continue;
            }

            var expected = total * (expectedShares[i] / shareTotal);
            var deviation = observed[i] - expected;
            chiSquare += deviation * deviation / expected;
            approximate |= expected < SmallExpectedCount;
        }

        var df = categories - 1;
        return new GoodnessOfFitResult(chiSquare, df, Distributions.ChiSquareUpperTail(chiSquare, df), approximate);
    }
}
