namespace FeedbackBot.Data.Entities;

/// <summary>
/// A closed interaction a helpdesk reported through <c>POST /api/interactions</c>. Unique by its id within the
/// tenant, so a redelivered webhook changes nothing; it records what the bot decided for it.
/// </summary>
public sealed class HelpdeskInteraction
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Tenant? Tenant { get; set; }

    /// <summary>The interaction's id in the helpdesk.</summary>
    public required string InteractionKey { get; set; }

    public DateTime ClosedAt { get; set; }
    public DateTime ReceivedAt { get; set; }

    /// <summary>What was done: <c>queued</c>, or why not (<c>fatigue</c>, <c>unsubscribed</c>, <c>no_plan</c>, <c>no_email</c>).</summary>
    public required string Outcome { get; set; }

    /// <summary>The invitation queued for it, when one was; null once the contact is erased.</summary>
    public Guid? InvitationId { get; set; }
}
