namespace FeedbackBot.Channels.Teams;

/// <summary>How the Connector client retries throttled and failing calls.</summary>
public sealed record ConnectorRetryPolicy
{
    public static ConnectorRetryPolicy Default { get; } = new();

    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The backoff before the second attempt when the Connector gave no Retry-After; it doubles each time.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A Retry-After longer than this is not waited out: the call fails at once and says so.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Waits between attempts; null waits on the client's clock. Tests record the delays instead.</summary>
    public Func<TimeSpan, CancellationToken, Task>? Delay { get; init; }

    /// <summary>Exponential backoff with jitter: between half and all of the doubled delay, so retries spread out.</summary>
    public TimeSpan Backoff(int failedAttempts, double random)
    {
        var exponential = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, failedAttempts - 1));
        var capped = Math.Min(exponential, MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (0.5 * Math.Clamp(random, 0, 1))));
    }
}
