namespace FeedbackBot.Core.Analysis.Statistics;

/// <summary>
/// Running count, mean and variance of a stream of numbers (Welford's update), mergeable with another
/// accumulator (Chan et al.) so partial results over batches or partitions combine without the raw values.
/// </summary>
public sealed class MeanAccumulator
{
    // Sum of squared deviations from the running mean; kept instead of a sum of squares, which loses
    // everything to cancellation when the mean is large relative to the spread.
    private double _m2;
    private double _mean;

    /// <summary>How many values were added.</summary>
    public long Count { get; private set; }

    /// <summary>The mean of the values; NaN when there are none.</summary>
    public double Mean => Count == 0 ? double.NaN : _mean;

    /// <summary>The sample variance (divisor n − 1); NaN with fewer than two values.</summary>
    public double Variance => Count < 2 ? double.NaN : Math.Max(0, _m2 / (Count - 1));

    /// <summary>The sample standard deviation, the square root of <see cref="Variance"/>; NaN with fewer than two values.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>Adds one value.</summary>
    /// <param name="x">A finite value.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or infinite.</exception>
    public void Add(double x)
    {
        Guard.Finite(x, nameof(x));
        Count++;
        var delta = x - _mean;
        _mean += delta / Count;
        _m2 += delta * (x - _mean);
    }

    /// <summary>Adds the same value <paramref name="count"/> times, as when summing a tally of answers.</summary>
    /// <param name="x">A finite value.</param>
    /// <param name="count">How many times it occurred; zero adds nothing.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite, or the count is negative.</exception>
    public void Add(double x, long count)
    {
        Guard.Finite(x, nameof(x));
        Guard.Count(count, nameof(count));
        Combine(count, x, 0);
    }

    /// <summary>Adds every value another accumulator has seen; the other accumulator is unchanged.</summary>
    /// <param name="other">The accumulator to fold in; may be this one.</param>
    public void Merge(MeanAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Combine(other.Count, other._mean, other._m2);
    }

    private void Combine(long count, double mean, double m2)
    {
        if (count == 0)
        {
            return;
        }

        if (Count == 0)
        {
            (Count, _mean, _m2) = (count, mean, m2);
            return;
        }

        // Doubles, because the product of two counts can overflow a long long before either count does.
        var n1 = (double)Count;
        var n2 = (double)count;
        var total = n1 + n2;
        var delta = mean - _mean;
        _mean += delta * (n2 / total);
        _m2 += m2 + (delta * delta * (n1 * n2 / total));
        Count += count;
    }
}
