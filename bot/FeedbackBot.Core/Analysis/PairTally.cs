namespace FeedbackBot.Core.Analysis;

/// <summary>
/// How often each pair of numeric answers was given to two questions within one response. Scales are discrete, so
/// the counts give a rank correlation exactly, in memory that does not grow with the responses, and they keep no
/// trace of who gave which pair.
/// </summary>
public sealed class PairTally
{
    private readonly Dictionary<(double X, double Y), long> _counts = [];

    /// <summary>How many responses answered both questions.</summary>
    public long N { get; private set; }

    /// <summary>How often each pair (first question's answer, second's) was given.</summary>
    public IReadOnlyDictionary<(double X, double Y), long> Counts => _counts;

    /// <summary>Counts one response's pair of answers.</summary>
    public void Add(double x, double y) => Add(x, y, 1);

    /// <summary>Counts a pair of answers given <paramref name="count"/> times, as a worked example states it.</summary>
    public void Add(double x, double y, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _counts[(x, y)] = _counts.GetValueOrDefault((x, y)) + count;
        N += count;
    }
}
