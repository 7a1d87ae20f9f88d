namespace FeedbackBot.Channels.Resilience;

/// <summary>
/// How a platform's HTTP client retries and times out (<see cref="PlatformHttpClients"/>): after the platform's
/// Retry-After when it gives one, else with exponential backoff, for at most <see cref="MaxAttempts"/> attempts. The
/// Teams Connector client and the Slack Web API client share these, so both platforms are retried alike. One in the
/// container replaces <see cref="Default"/>.
/// </summary>
public sealed record PlatformResilienceOptions
{
    public static PlatformResilienceOptions Default { get; } = new();

    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The backoff before the second attempt when the platform gave no Retry-After; it doubles each time.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A Retry-After longer than this is not waited out: the call fails at once and says so.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>One request, from sending it to the answer's headers; the pacer's wait for a slot is not part of it.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A whole call, every attempt, pacer wait and Retry-After included; below the outbox's claim lifetime (15 minutes),
    /// so a send still running is never taken for a crashed one.
    /// </summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The clock the waits between attempts run on; null is the container's <see cref="TimeProvider"/>. Time-outs
    /// always run on real time, so a test that moves its clock never times out a call in flight.
    /// </summary>
    public TimeProvider? RetryClock { get; init; }

    /// <summary>Exponential backoff with jitter: between half and all of the doubled delay, so retries spread out.</summary>
    public TimeSpan Backoff(int failedAttempts, double random)
    {
        var exponential = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, failedAttempts - 1));
        var capped = Math.Min(exponential, MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (0.5 * Math.Clamp(random, 0, 1))));
    }
}
