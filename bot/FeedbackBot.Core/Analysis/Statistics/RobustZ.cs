namespace FeedbackBot.Core.Analysis.Statistics;

/// <summary>
/// Robust z scores on the median absolute deviation (Iglewicz and Hoaglin's modified z): unlike a z on the mean and
/// standard deviation, one wild day cannot hide itself by inflating the spread it is measured against.
/// </summary>
public static class RobustZ
{
    /// <summary>The score above which a value is an outlier, as Iglewicz and Hoaglin recommend.</summary>
    public const double Threshold = 3.5;

    /// <summary>Scales the MAD to the standard deviation of normally distributed data.</summary>
    public const double MadScale = 1.4826;

    /// <summary>Scales the mean absolute deviation to the standard deviation of normally distributed data (√(π/2)).</summary>
    public const double MeanDeviationScale = 1.253314;

    /// <summary>
    /// The robust z of each value, in input order: |x − median| / (1.4826·MAD). When more than half the values are
    /// equal the MAD is 0, and the mean absolute deviation from the median stands in (|x − median| / (1.253314·MeanAD));
    /// when that is 0 too every value is the median and every score is 0.
    /// </summary>
    /// <param name="values">The values.</param>
    /// <param name="minimumScale">
    /// The least spread to measure against, in the values' unit: for counts, which move in whole steps, 1, so that in a
    /// quiet spell of zeros a single event is not far from the usual.
    /// </param>
    public static IReadOnlyList<double> Scores(IReadOnlyList<double> values, double minimumScale = 0)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return [];
        }

        foreach (var value in values)
        {
            Guard.Finite(value, nameof(values));
        }

        var median = Median(values);
        var deviations = values.Select(v => Math.Abs(v - median)).ToList();
        var mad = Median(deviations);
        var scale = Math.Max(minimumScale, mad > 0 ? MadScale * mad : MeanDeviationScale * deviations.Average());
        return scale > 0 ? [.. deviations.Select(d => d / scale)] : [.. deviations.Select(_ => 0d)];
    }

    /// <summary>The median of the values; they need not be sorted.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("Needs at least one value.", nameof(values));
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
