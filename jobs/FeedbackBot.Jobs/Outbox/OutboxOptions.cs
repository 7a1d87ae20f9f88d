namespace FeedbackBot.Jobs.Outbox;

/// <summary>How the outbox dispatcher sends: the <c>Outbox</c> configuration section.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>
    /// Sends in flight at once per instance. Teams allows 50 requests a second per tenant; with a few tens of
    /// milliseconds per call and the channel clients queueing for their pace, 32 keeps that pace full.
    /// </summary>
    public int Parallelism { get; set; } = 32;

    /// <summary>Attempts in all before a message that keeps failing is given up as <c>Failed</c>.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How often to look for due messages when nobody said some were added.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a claim lasts. Longer than any one send can take, waits for <c>Retry-After</c> included: a message
    /// still claimed after this is taken to belong to a dispatcher that died, and is marked <c>Uncertain</c>.
    /// </summary>
    public TimeSpan ClaimLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a tenant's send lease lasts (PostgreSQL only): the one instance sending a tenant's messages renews it
    /// while it has work, and another takes the tenant over this long after the holder stopped renewing (it died, or
    /// had nothing to send). Half of it must exceed the longest per-tenant window of the channel pacers (Slack's
    /// method tiers count a minute), so that a successor's pace never adds to the last holder's.
    /// </summary>
    public TimeSpan SendLeaseLifetime { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How often expired claims are looked for, besides at start.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The wait before the second attempt after a failure; it doubles with each further failure.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The wait after <paramref name="failedAttempts"/> failures: exponential, capped.</summary>
    public TimeSpan Backoff(int failedAttempts)
    {
        var doublings = Math.Clamp(failedAttempts - 1, 0, 30);
        var ticks = Math.Min(RetryBaseDelay.Ticks * Math.Pow(2, doublings), RetryMaxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
