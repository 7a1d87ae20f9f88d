namespace FeedbackBot.Core.Analysis;

/// <summary>
/// The usable answers to one question, as counts per value. Every scale is discrete, so counts give exact means
/// and variances however many rows there are, in memory that does not grow with them.
/// </summary>
public sealed class AnswerTally
{
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);

    /// <summary>How many usable responses answered the question.</summary>
    public long Answered { get; private set; }

    /// <summary>How often each value was given; a multichoice answer counts once for each option chosen.</summary>
    public IReadOnlyDictionary<string, long> Counts => _counts;

    /// <summary>How often a value was given.</summary>
    public long CountOf(string value) => _counts.GetValueOrDefault(value);

    internal void Add(AnswerCheck answer)
    {
        Answered++;
        if (answer.Choices.Count > 0)
        {
            foreach (var choice in answer.Choices)
            {
                _counts[choice] = _counts.GetValueOrDefault(choice) + 1;
            }
        }
        else if (answer.Number is not null)
        {
            // Scales and yes/no; free text is not tallied by value, since every comment differs.
            _counts[answer.Normalized] = _counts.GetValueOrDefault(answer.Normalized) + 1;
        }
    }

    /// <summary>
    /// Several groups' answers as one: the counts added up. Pooling the cycles of a window this way gives the same
    /// estimate as one cycle holding all their answers.
    /// </summary>
    public static AnswerTally Pool(IEnumerable<AnswerTally> tallies)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        var pooled = new AnswerTally();
        foreach (var tally in tallies)
        {
            pooled.Answered += tally.Answered;
            foreach (var (value, count) in tally._counts)
            {
                pooled._counts[value] = pooled._counts.GetValueOrDefault(value) + count;
            }
        }

        return pooled;
    }

    /// <summary>A tally of given counts (each answer one value), as a worked example or a test states it.</summary>
    public static AnswerTally Of(IReadOnlyDictionary<string, long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var tally = new AnswerTally();
        foreach (var (value, count) in counts)
        {
            tally._counts[value] = count;
            tally.Answered += count;
        }

        return tally;
    }

    /// <summary>The count, mean and sample standard deviation of numeric answers, computed from the counts.</summary>
    public (long N, double Mean, double StandardDeviation) Moments()
    {
        long n = 0;
        double sum = 0;
        foreach (var (value, count) in _counts)
        {
            if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var x))
            {
                n += count;
                sum += x * count;
            }
        }

        if (n == 0)
        {
            return (0, double.NaN, double.NaN);
        }

        var mean = sum / n;
        double squares = 0;
        foreach (var (value, count) in _counts)
        {
            if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var x))
            {
                squares += count * (x - mean) * (x - mean);
            }
        }

        return (n, mean, n > 1 ? Math.Sqrt(squares / (n - 1)) : double.NaN);
    }
}
