using System.Diagnostics;
using System.Threading.Channels;
using FeedbackBot.Infrastructure.Inbox;

namespace FeedbackBot.Adapters.Slack;

/// <summary>
/// Hands acknowledged Slack work to the background worker. The work is written to the inbox first, so it survives a
/// crash before it is done; a redelivery (the same event id, say) is recognised there and not queued again.
/// </summary>
internal sealed class SlackWorkQueue(InboundDeliveries inbox)
{
    public const string Channel = "slack";

    private readonly Channel<Guid> _ready = System.Threading.Channels.Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<Guid> Ready => _ready.Reader;

    /// <summary>Records and queues the work; false when this delivery was recorded before.</summary>
    public async Task<bool> EnqueueAsync(string deliveryKey, SlackWork work, CancellationToken cancellationToken)
    {
        // The acknowledging request's trace context goes with the work (a trace id is no personal data).
        var traced = Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? work with { TraceParent = current.Id } : work;
        var (isNew, entryId) = await inbox.EnqueueAsync(Channel, deliveryKey, traced.Serialize(), cancellationToken);
        if (isNew)
        {
            _ready.Writer.TryWrite(entryId);
        }

        return isNew;
    }

    /// <summary>Work that needs no deduplication of its own, such as updating a message after a submission.</summary>
    public Task<bool> EnqueueAsync(SlackWork work, CancellationToken cancellationToken) =>
        EnqueueAsync("work:" + Guid.NewGuid().ToString("N"), work, cancellationToken);
}
