namespace FeedbackBot.Channels.Slack;

/// <summary>How the Web API client retries throttled (429) and failing (5xx) calls.</summary>
public sealed record SlackRetryPolicy
{
    public static SlackRetryPolicy Default { get; } = new();

    /// <summary>Retries after the first attempt; the call fails after this many.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>The backoff before the first retry of a 5xx (or a 429 without Retry-After); it doubles each time.</summary>
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
