namespace FeedbackBot.Data.Entities;

/// <summary>
/// Which bot instance sends a tenant's outbox messages, until when. The channel clients pace themselves per process,
/// so two instances sending for one tenant would together break its limit (Teams' 50 requests a second, Slack's
/// per-workspace tiers); with one holder at a time the holder's pacer is the tenant's. Used on PostgreSQL only: the
/// embedded SQLite database has one process, and no row is ever written there.
/// </summary>
public sealed class SendLease
{
    public Guid TenantId { get; set; }
    public Tenant? Tenant { get; set; }

    /// <summary>The instance that holds it: host name, process id and a random part, unique per running dispatcher.</summary>
    public required string Holder { get; set; }

    public DateTime AcquiredAt { get; set; }

    /// <summary>Another instance may take the lease from this moment; the holder renews it well before, while it has work.</summary>
    public DateTime ExpiresAt { get; set; }
}
