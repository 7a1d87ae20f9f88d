namespace FeedbackBot.Channels.Teams;

/// <summary>At most <see cref="Limit"/> requests in any <see cref="Period"/>.</summary>
public readonly record struct RateWindow(int Limit, TimeSpan Period)
{
    /// <summary>
    /// A platform's published limit, kept with a margin: the period is stretched by 3%. The platform times a request
    /// when it arrives, so a send exactly at the limit that travels a few milliseconds longer than the one
    /// <paramref name="limit"/> sends before it would land in the same window and be refused.
    /// </summary>
    public static RateWindow Published(int limit, TimeSpan period) => new(limit, period * 1.03);
}
