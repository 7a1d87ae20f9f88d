namespace FeedbackBot.Data.Entities;

/// <summary>
/// Informal customer feedback a member of staff logged in chat: what the customer said, about which service
/// feature, praise or complaint. It is evidence for the next review; who logged it is not kept.
/// </summary>
public sealed class FeedbackEntry
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Tenant? Tenant { get; set; }
    public required string Feature { get; set; }

    /// <summary>praise or complaint.</summary>
    public required string Kind { get; set; }

    public required string Text { get; set; }
    public DateTime ReceivedAt { get; set; }

    /// <summary>The logging card's id: a redelivered or double-clicked submission stores one entry.</summary>
    public required string IdempotencyKey { get; set; }
}
