namespace FeedbackBot.Tests.Infrastructure.Outbox;

/// <summary>
/// The pace of sends as a fake platform saw them, from its own arrival times: what the platform would judge, not what
/// the sender meant to do.
/// </summary>
internal static class ArrivalPace
{
    /// <summary>From the first arrival to the last.</summary>
    public static TimeSpan Span(IReadOnlyCollection<DateTimeOffset> arrivals) => arrivals.Max() - arrivals.Min();

    /// <summary>The most arrivals in any window of <paramref name="window"/> that starts at an arrival.</summary>
    public static int MostWithin(IEnumerable<DateTimeOffset> arrivals, TimeSpan window)
    {
        var sorted = arrivals.Order().ToList();
        var most = 0;
        var end = 0;
        for (var start = 0; start < sorted.Count; start++)
        {
            while (end < sorted.Count && sorted[end] - sorted[start] < window)
            {
                end++;
            }

            most = Math.Max(most, end - start);
        }

        return most;
    }

    /// <summary>How many arrived over how long, for a failure message: the rate the sender reached.</summary>
    public static string Describe(IReadOnlyCollection<DateTimeOffset> arrivals) =>
        FormattableString.Invariant($"{arrivals.Count} arrivals over {Span(arrivals).TotalSeconds:0.000} s ({(arrivals.Count - 1) / Math.Max(Span(arrivals).TotalSeconds, 0.001):0.0} a second)");
}
