namespace FeedbackBot.Core.Sampling;

/// <summary>Shares a sample among strata in proportion to their size, so the parts add up to the whole exactly.</summary>
public static class ProportionalAllocation
{
    /// <summary>
    /// The largest-remainder (Hamilton) method: each stratum gets ⌊total·size/Σsize⌋, and the places left over go one
    /// each to the strata with the largest remainders, ties to the stratum whose name sorts first (ordinal). There is
    /// no minimum per stratum: a stratum whose share rounds away gets nobody, which keeps every eligible person's
    /// chance of selection equal to within rounding, as the review's unweighted figures assume.
    /// </summary>
    /// <param name="sizes">The number of people in each stratum; zero or more each.</param>
    /// <param name="total">How many to allocate; from zero to the sum of the sizes.</param>
    /// <returns>The allocation of every stratum, in ordinal order of its name; each at most its size, together exactly <paramref name="total"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative, or the total is negative or above the sum of the sizes.</exception>
    public static IReadOnlyDictionary<string, int> LargestRemainder(IReadOnlyDictionary<string, int> sizes, int total)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        long sum = 0;
        foreach (var (stratum, size) in sizes)
        {
            if (size < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(sizes), size, $"Stratum '{stratum}' cannot have a negative size.");
            }

            sum += size;
        }

        if (total < 0 || total > sum)
        {
            throw new ArgumentOutOfRangeException(nameof(total), total, $"Cannot allocate below 0 or above the {sum} people in the strata.");
        }

        var allocation = new SortedDictionary<string, int>(StringComparer.Ordinal);
        if (sum == 0)
        {
            foreach (var stratum in sizes.Keys)
            {
                allocation[stratum] = 0;
            }

            return allocation;
        }

        // Integer arithmetic: every remainder shares the denominator sum, so comparing numerators is exact.
        var remainders = new List<(string Stratum, long Remainder)>(sizes.Count);
        var allocated = 0;
        foreach (var (stratum, size) in sizes)
        {
            var quota = (long)total * size;
            allocation[stratum] = (int)(quota / sum);
            allocated += allocation[stratum];
            remainders.Add((stratum, quota % sum));
        }

        var leftOver = total - allocated;
        foreach (var (stratum, _) in remainders
            .OrderByDescending(r => r.Remainder)
            .ThenBy(r => r.Stratum, StringComparer.Ordinal)
            .Take(leftOver))
        {
            allocation[stratum]++;
        }

        return allocation;
    }
}
