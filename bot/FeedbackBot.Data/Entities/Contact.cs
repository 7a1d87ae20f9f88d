namespace FeedbackBot.Data.Entities;

/// <summary>
/// A customer who may be asked to answer a customer plan's survey, from a contacts import or a helpdesk trigger.
/// Contact details are personal data: the e-mail address is stored encrypted (to send to) and as a keyed hash (to
/// match an unsubscribe or a later import without decrypting), never shown in a report, and the row is deleted
/// when the customer asks to be erased.
/// </summary>
public sealed class Contact
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Tenant? Tenant { get; set; }
    public Guid PlanId { get; set; }
    public Plan? Plan { get; set; }

    /// <summary>The customer's id in the source (the CRM or helpdesk); unique within the plan.</summary>
    public required string ContactKey { get; set; }

    /// <summary>The e-mail address, encrypted with the bot's data-protection keys; null when none was given.</summary>
    public string? EmailProtected { get; set; }

    /// <summary>A keyed hash of the normalised e-mail address (lower case, trimmed); null when none was given.</summary>
    public string? EmailHash { get; set; }

    /// <summary>The contact's segment attributes as a JSON object (region, tier, ...), for stratified samples.</summary>
    public string? Segments { get; set; }

    /// <summary>The customer's latest interaction: its id, the agent who handled it, its channel, and when.</summary>
    public string? InteractionId { get; set; }

    public string? Agent { get; set; }
    public string? InteractionChannel { get; set; }
    public DateTime? LastContactAt { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
