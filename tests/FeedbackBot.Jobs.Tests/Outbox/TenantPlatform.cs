using FeedbackBot.Jobs.Outbox;

namespace FeedbackBot.Jobs.Tests.Outbox;

/// <summary>
/// A platform with a per-tenant limit, shared by the transports of several instances, as Teams is by every instance
/// of the bot. The limit is on sends in flight at once rather than per second, so it can be counted without a clock:
/// one instance's dispatcher never has more in flight than its parallelism, just as its pacer never lets out more
/// than 50 a second; two instances sending for one tenant together can, just as two pacers can.
/// </summary>
internal sealed class TenantPlatform(int limitPerTenant)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, Dictionary<string, int>> _inFlight = [];
    private int _overLimit;
    private int _mostInstancesAtOnce;

    /// <summary>Sends that arrived while the tenant already had its limit in flight.</summary>
    public int OverLimit => Volatile.Read(ref _overLimit);

    /// <summary>The most instances seen sending for one tenant at the same moment.</summary>
    public int MostInstancesAtOnce => Volatile.Read(ref _mostInstancesAtOnce);

    /// <summary>A transport for one instance: each send stays in flight for a moment, long enough to overlap another.</summary>
    public RecordingTransport Transport(string instance, DeliveryLog log) => new(log)
    {
        Behaviour = async (message, cancellationToken) =>
        {
            Enter(message.TenantId, instance);
            try
            {
                await Task.Delay(2, cancellationToken);
                return OutboxSendResult.Sent;
            }
            finally
            {
                Leave(message.TenantId, instance);
            }
        },
    };

    private void Enter(Guid tenant, string instance)
    {
        lock (_lock)
        {
            if (!_inFlight.TryGetValue(tenant, out var byInstance))
            {
                byInstance = [];
                _inFlight[tenant] = byInstance;
            }

            if (byInstance.Values.Sum() >= limitPerTenant)
            {
                _overLimit++;
            }

            byInstance[instance] = byInstance.GetValueOrDefault(instance) + 1;
            _mostInstancesAtOnce = Math.Max(_mostInstancesAtOnce, byInstance.Count);
        }
    }

    private void Leave(Guid tenant, string instance)
    {
        lock (_lock)
        {
            var byInstance = _inFlight[tenant];
            if (--byInstance[instance] == 0)
            {
                byInstance.Remove(instance);
            }
        }
    }
}
