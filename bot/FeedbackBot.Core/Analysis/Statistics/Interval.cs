namespace FeedbackBot.Core.Analysis.Statistics;

/// <summary>A 95% interval, with <see cref="Low"/> never above <see cref="High"/>.</summary>
/// <param name="Low">The lower bound.</param>
/// <param name="High">The upper bound.</param>
public readonly record struct Interval(double Low, double High)
{
    /// <summary>The lower bound.</summary>
    public double Low { get; init; } = !double.IsNaN(Low) && Low <= High
        ? Low
        : throw new ArgumentException($"An interval needs Low <= High; got [{Low}, {High}].", nameof(Low));

    /// <summary>Half the width: the margin either side of the centre.</summary>
    public double HalfWidth => (High - Low) / 2;

    /// <summary>Whether <paramref name="x"/> lies within the interval, bounds included.</summary>
    /// <param name="x">The value to test.</param>
    public bool Contains(double x) => Low <= x && x <= High;
}
