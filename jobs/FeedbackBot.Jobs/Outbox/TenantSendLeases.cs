using FeedbackBot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Jobs.Outbox;

/// <summary>
/// The tenants this instance sends for. The channel clients pace each process to a tenant's limits (Teams' 50
/// requests a second, Slack's per-workspace tiers), so two instances sending for one tenant would together break
/// them. On PostgreSQL a dispatcher therefore claims a tenant's messages only while it holds the tenant's row in
/// <c>send_leases</c>: taken by one conditional upsert when free or expired, renewed while it has work, left to
/// expire when idle and given back when the dispatcher stops. One holder at a time makes its pacer the tenant's,
/// while different tenants spread over the instances. On SQLite (one process) there is no lease and no cost.
/// </summary>
/// <remarks>
/// A holder renews whenever less than half of <see cref="OutboxOptions.SendLeaseLifetime"/> is left and it claims or
/// has sends under way, so each of its sends goes out with at least nearly half a lifetime to run: a successor, which
/// starts only once the lease has expired, is that long after the last send, longer than any window of the pacers
/// (Slack's tiers count a minute). Expiry is compared on each instance's own clock; the same margin covers a skew
/// of several seconds.
/// </remarks>
public sealed class TenantSendLeases(
    IDbContextFactory<FeedbackDbContext> contexts, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<TenantSendLeases> logger)
{
    private readonly TimeSpan _lifetime = options.Value.SendLeaseLifetime;
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, Lease> _held = [];
    private int _enabled = -1;

    /// <summary>Names this dispatcher in <c>send_leases.holder</c>: unique per running dispatcher, readable by an operator.</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Whether leases are used on this database: on PostgreSQL, where several instances may share it.</summary>
    public bool AppliesTo(FeedbackDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (Volatile.Read(ref _enabled) < 0)
        {
            Volatile.Write(ref _enabled, db.Database.IsNpgsql() ? 1 : 0);
        }

        return Volatile.Read(ref _enabled) == 1;
    }

    /// <summary>The tenants whose leases this dispatcher holds now, as far as it knows.</summary>
    public IReadOnlyList<Guid> Held
    {
        get
        {
            lock (_lock)
            {
                return [.. _held.Keys];
            }
        }
    }

    /// <summary>True when this dispatcher may send a message of <paramref name="tenantId"/> without renewing first.</summary>
    public bool HoldsFresh(Guid tenantId, DateTime now)
    {
        lock (_lock)
        {
            return _held.TryGetValue(tenantId, out var held) && held.ExpiresAt - now >= _lifetime / 2;
        }
    }

    /// <summary>
    /// Takes the tenant's lease if nobody holds it or it has expired, or renews it if this dispatcher holds it.
    /// One statement: of several instances racing for a free lease exactly one matches, as with the outbox's claims.
    /// </summary>
    public async Task<bool> TryHoldAsync(FeedbackDbContext db, Guid tenantId, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var expires = now + _lifetime;
        var taken = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO send_leases (tenant_id, holder, acquired_at, expires_at) VALUES ({tenantId}, {Holder}, {now}, {expires})
            ON CONFLICT (tenant_id) DO UPDATE
                SET holder = excluded.holder,
                    acquired_at = CASE WHEN send_leases.holder = excluded.holder THEN send_leases.acquired_at ELSE excluded.acquired_at END,
                    expires_at = excluded.expires_at
                WHERE send_leases.holder = excluded.holder OR send_leases.expires_at <= excluded.acquired_at
            """,
            cancellationToken) == 1;
        lock (_lock)
        {
            if (taken)
            {
                if (!_held.TryGetValue(tenantId, out var held))
                {
                    if (logger.IsEnabled(LogLevel.Information))
                    {
                        logger.LogInformation("This instance ({Holder}) sends for tenant {Tenant} now.", Holder, tenantId);
                    }

                    held = new Lease();
                    _held[tenantId] = held;
                }

                held.ExpiresAt = expires;
            }
            else
            {
                _held.Remove(tenantId);
            }
        }

        return taken;
    }

    /// <summary>Counts a send under way for the tenant: its lease is renewed until the send ends.</summary>
    public void SendStarted(Guid tenantId)
    {
        lock (_lock)
        {
            if (_held.TryGetValue(tenantId, out var held))
            {
                held.InFlight++;
            }
        }
    }

    public void SendEnded(Guid tenantId)
    {
        lock (_lock)
        {
            if (_held.TryGetValue(tenantId, out var held) && held.InFlight > 0)
            {
                held.InFlight--;
            }
        }
    }

    /// <summary>
    /// Renews the leases of tenants with sends under way and less than half a lifetime left: a send waiting out a
    /// long <c>Retry-After</c> must not see its tenant handed to another instance meanwhile.
    /// </summary>
    public async Task RenewBusyAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<Guid> due;
        lock (_lock)
        {
            due = [.. _held.Where(h => h.Value.InFlight > 0 && h.Value.ExpiresAt - now < _lifetime / 2).Select(h => h.Key)];
        }

        if (due.Count == 0)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var tenantId in due)
        {
            if (!await TryHoldAsync(db, tenantId, now, cancellationToken))
            {
                logger.LogWarning(
                    "The send lease of tenant {Tenant} was taken by another instance while sends were under way here; this instance stops claiming its messages.",
                    tenantId);
            }
        }
    }

    /// <summary>Gives back every lease this dispatcher holds, so another instance can take its tenants at once.</summary>
    public async Task ReleaseAllAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_held.Count == 0)
            {
                return;
            }

            _held.Clear();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.SendLeases.Where(l => l.Holder == Holder).ExecuteDeleteAsync(cancellationToken);
    }

    private sealed class Lease
    {
        public DateTime ExpiresAt { get; set; }
        public int InFlight { get; set; }
    }
}
