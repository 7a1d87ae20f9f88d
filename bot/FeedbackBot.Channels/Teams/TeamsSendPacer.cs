namespace FeedbackBot.Channels.Teams;

/// <summary>
/// Paces requests to the Connector to Teams' published limits, so the bot slows itself down rather than be
/// throttled: per conversation (sends and creates) 7 per second, 8 per 2 seconds, 60 per 30 seconds and 1,800 per
/// hour; per tenant 50 requests per second, spread over the second; each with a 3% margin
/// (<see cref="RateWindow.Published"/>). One instance serves the whole process.
/// </summary>
public sealed class TeamsSendPacer(TimeProvider time)
{
    public static IReadOnlyList<RateWindow> ConversationLimits { get; } =
    [
        RateWindow.Published(7, TimeSpan.FromSeconds(1)),
        RateWindow.Published(8, TimeSpan.FromSeconds(2)),
        RateWindow.Published(60, TimeSpan.FromSeconds(30)),
        RateWindow.Published(1800, TimeSpan.FromHours(1)),
    ];

    /// <summary>
    /// 50 a second, at most 10 of them in any fifth of it. Let out in one burst, 50 requests reach the platform
    /// together and are timed as they happen to be served, over tens of milliseconds; the early ones of the next
    /// second's burst then land within a second of the late ones of this and are refused. A fan-out goes out in
    /// fifths instead, while a handful of sends (a reply, a review posted to a few channels) still go at once.
    /// </summary>
    public static IReadOnlyList<RateWindow> TenantLimits { get; } =
    [
        RateWindow.Published(50, TimeSpan.FromSeconds(1)),
        RateWindow.Published(10, TimeSpan.FromSeconds(1) / 5),
    ];

    private readonly SlidingWindowLimiter _conversations = new(ConversationLimits, time);
    private readonly SlidingWindowLimiter _tenants = new(TenantLimits, time);

    /// <summary>Waits for a slot in the conversation, then in the tenant; a null conversation waits for the tenant only.</summary>
    public async Task WaitAsync(string tenantKey, string? conversationKey, CancellationToken cancellationToken)
    {
        // The conversation first: taking a tenant slot and then idling in a slow conversation would waste it.
        if (conversationKey is not null)
        {
            await DelayAsync(_conversations.Reserve(conversationKey), cancellationToken);
        }

        await DelayAsync(_tenants.Reserve(tenantKey), cancellationToken);
    }

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, time, cancellationToken);
}
