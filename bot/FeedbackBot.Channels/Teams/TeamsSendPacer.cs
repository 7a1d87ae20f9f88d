namespace FeedbackBot.Channels.Teams;

/// <summary>
/// Paces requests to the Connector to Teams' published limits, so the bot slows itself down rather than be
/// throttled: per conversation (sends and creates) 7 per second, 8 per 2 seconds, 60 per 30 seconds and 1,800 per
/// hour; per tenant 50 requests per second, spread over the second; each with a 3% margin
/// (<see cref="RateWindow.Published"/>). A request whose answer is slow is counted again near its answer
/// (<see cref="Answered"/>), the latest moment it can have reached Teams. One instance serves the whole process; on PostgreSQL one instance at a
/// time sends a tenant's outbox, so its pacer is the tenant's.
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

    /// <summary>
    /// Waits for a slot in the conversation, then in the tenant; a null conversation waits for the tenant only.
    /// Give the result to <see cref="Answered"/> when the platform's answer comes.
    /// </summary>
    public async Task<TeamsSendSlot> WaitAsync(string tenantKey, string? conversationKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantKey);
        // The conversation first: taking a tenant slot and then idling in a slow conversation would waste it.
        long conversationSlot = 0;
        if (conversationKey is not null)
        {
            await DelayAsync(_conversations.Reserve(conversationKey, out conversationSlot), cancellationToken);
        }

        await DelayAsync(_tenants.Reserve(tenantKey, out var tenantSlot), cancellationToken);
        return new TeamsSendSlot(tenantKey, tenantSlot, conversationKey, conversationSlot);
    }

    /// <summary>
    /// The margin each one-second window keeps (<see cref="RateWindow.Published"/>): a request answered within it of
    /// leaving is counted where it left; one answered later is counted from this long before its answer.
    /// </summary>
    public static TimeSpan TransitAllowance { get; } = TimeSpan.FromSeconds(1) * 0.03;

    /// <summary>
    /// Counts the request again when its answer came: Teams counted it on arrival, at the latest now. On a busy
    /// machine a request can leave on time and arrive late; counted only where it left, the request a second after
    /// it would be let out less than a second after it arrived. Counted from <see cref="TransitAllowance"/> before the
    /// answer, the next request a window on leaves at least a second after this one arrived, and a quick round trip
    /// costs no pace.
    /// </summary>
    public void Answered(TeamsSendSlot slot)
    {
        _tenants.Settle(slot.TenantKey, slot.TenantSlot, TransitAllowance);
        if (slot.ConversationKey is not null)
        {
            _conversations.Settle(slot.ConversationKey, slot.ConversationSlot, TransitAllowance);
        }
    }

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, time, cancellationToken);
}

/// <summary>The slots a request was let out in, so that it can be counted again when its answer comes.</summary>
public readonly record struct TeamsSendSlot(string TenantKey, long TenantSlot, string? ConversationKey, long ConversationSlot);
