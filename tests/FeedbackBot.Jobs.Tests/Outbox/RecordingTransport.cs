using System.Collections.Concurrent;
using FeedbackBot.Core.Delivery;
using FeedbackBot.Data.Entities;
using FeedbackBot.Jobs.Outbox;

namespace FeedbackBot.Jobs.Tests.Outbox;

/// <summary>
/// Stands in for Teams and Slack: a message "arrives" when its send returns Sent, and is logged by recipient in a
/// log that several dispatchers (a first one, then the one that replaces it) can share.
/// </summary>
internal sealed class RecordingTransport(DeliveryLog log) : IOutboxTransport
{
    private int _inFlight;
    private int _maxInFlight;

    public RecordingTransport()
        : this(new DeliveryLog())
    {
    }

    public DeliveryLog Log { get; } = log;

    /// <summary>How each send ends; by default it is delivered at once.</summary>
    public Func<OutboxMessage, CancellationToken, Task<OutboxSendResult>> Behaviour { get; set; } =
        (_, _) => Task.FromResult(OutboxSendResult.Sent);

    /// <summary>Called after each delivery with the number delivered so far through this transport.</summary>
    public Action<int>? AfterDelivery { get; set; }

    public int Calls => Volatile.Read(ref _calls);

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public int Delivered => Volatile.Read(ref _delivered);

    private int _calls;
    private int _delivered;

    public async Task<OutboxSendResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        var now = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref _maxInFlight, now);
        try
        {
            // Like a channel client with no pace to wait for: it begins to transmit at once.
            await OutboundTransmission.StartingAsync();
            var result = await Behaviour(message, cancellationToken);
            if (result == OutboxSendResult.Sent)
            {
                Log.Add(message);
                AfterDelivery?.Invoke(Interlocked.Increment(ref _delivered));
            }

            return result;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}

/// <summary>Every delivery, by recipient (the person, or the message id for a channel post).</summary>
internal sealed class DeliveryLog
{
    private readonly ConcurrentQueue<Guid> _recipients = new();

    public IReadOnlyList<Guid> Recipients => [.. _recipients];

    public void Add(OutboxMessage message) => _recipients.Enqueue(message.PersonId ?? message.Id);
}
