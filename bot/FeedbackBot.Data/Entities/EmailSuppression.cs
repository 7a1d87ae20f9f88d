namespace FeedbackBot.Data.Entities;

/// <summary>
/// An address that asked not to be e-mailed again (a one-click unsubscribe), kept as the keyed hash only: it is
/// honoured for every later cycle of every plan in the tenant, and stores no address.
/// </summary>
public sealed class EmailSuppression
{
    public Guid TenantId { get; set; }
    public Tenant? Tenant { get; set; }
    public required string EmailHash { get; set; }
    public DateTime CreatedAt { get; set; }
}
