using FeedbackBot.Channels.Teams;

namespace FeedbackBot.Channels.Slack;

/// <summary>
/// Paces Web API calls to Slack's published limits, so the bot slows itself down rather than be throttled:
/// <c>chat.postMessage</c> about one message per second per channel, and every other paced method within its tier
/// per workspace (Slack counts per method per workspace per app). A message whose answer is slow is counted again
/// near its answer (<see cref="Answered"/>), as the Teams pacer does. One instance serves the whole process; a
/// workspace is told apart by its bot token, as every call carries one.
/// </summary>
public sealed class SlackApiPacer
{
    /// <summary>
    /// One message per second in each channel. Slack tolerates short bursts above that, but a steady pace is what
    /// it promises to allow, and a survey round never needs more in one channel.
    /// </summary>
    public static IReadOnlyList<RateWindow> DefaultChannelLimits { get; } = [RateWindow.Published(1, TimeSpan.FromSeconds(1))];

    /// <summary>
    /// The tier of each paced method, in calls per minute. <c>apps.connections.open</c> (tier 1) and
    /// <c>oauth.v2.access</c> are left out: Socket Mode's reconnect backoff already spaces the one, and the other is
    /// one call per install.
    /// </summary>
    public static IReadOnlyDictionary<string, int> MethodTiers { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["chat.update"] = 50,
        ["conversations.open"] = 50,
        ["chat.postEphemeral"] = 100,
        ["users.info"] = 100,
        ["users.list"] = 20,
        ["views.open"] = 100,
        ["views.update"] = 100,
        ["views.publish"] = 100,
    };

    private readonly TimeProvider _time;
    private readonly SlidingWindowLimiter _channels;
    private readonly Dictionary<int, SlidingWindowLimiter> _tiers;

    public SlackApiPacer(TimeProvider time, IReadOnlyList<RateWindow>? channelLimits = null)
    {
        _time = time;
        _channels = new SlidingWindowLimiter(channelLimits ?? DefaultChannelLimits, time);
        _tiers = MethodTiers.Values.Distinct().ToDictionary(
            perMinute => perMinute, perMinute => new SlidingWindowLimiter([RateWindow.Published(perMinute, TimeSpan.FromMinutes(1))], time));
    }

    /// <summary>
    /// Waits for a slot for <paramref name="method"/> in the workspace, and in the channel when one is given. Give the
    /// result to <see cref="Answered"/> when Slack's answer comes.
    /// </summary>
    public async Task<SlackCallSlot> WaitAsync(string method, string workspaceKey, string? channel, CancellationToken cancellationToken)
    {
        var slot = default(SlackCallSlot);
        if (method == "chat.postMessage" && !string.IsNullOrEmpty(channel))
        {
            var key = $"{workspaceKey}\n{channel}";
            await DelayAsync(_channels.Reserve(key, out var reserved), cancellationToken);
            slot = new SlackCallSlot(key, reserved);
        }

        if (MethodTiers.TryGetValue(method, out var perMinute))
        {
            await DelayAsync(_tiers[perMinute].Reserve($"{workspaceKey}\n{method}"), cancellationToken);
        }

        return slot;
    }

    /// <summary>
    /// Counts a channel's message again when Slack's answer came: Slack timed it on arrival, at the latest now. A
    /// message held up on its way (a busy machine) would otherwise be followed a second after it left, less than a
    /// second after it arrived. Counted from <see cref="TeamsSendPacer.TransitAllowance"/> before the answer, a quick
    /// round trip costs no pace. The method tiers, a minute wide, are left as reserved.
    /// </summary>
    public void Answered(SlackCallSlot slot)
    {
        if (slot.ChannelKey is not null)
        {
            _channels.Settle(slot.ChannelKey, slot.ChannelSlot, TeamsSendPacer.TransitAllowance);
        }
    }

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, _time, cancellationToken);
}

/// <summary>The channel slot a message was let out in (none for other calls), so it can be counted again when answered.</summary>
public readonly record struct SlackCallSlot(string? ChannelKey, long ChannelSlot);
