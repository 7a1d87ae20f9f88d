namespace FeedbackBot.Channels;

/// <summary>
/// How a platform client retries a throttled or failing call: after the platform's Retry-After when it gives one,
/// else with exponential backoff, for at most <see cref="MaxAttempts"/> attempts. The Teams Connector client and the
/// Slack Web API client share it, so both platforms are retried alike.
/// </summary>
public sealed record PlatformRetryPolicy
{
    public static PlatformRetryPolicy Default { get; } = new();

    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The backoff before the second attempt when the platform gave no Retry-After; it doubles each time.</summary>
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
