namespace FeedbackBot.Data.Entities;

/// <summary>
/// That someone was asked in a cycle, and whether they answered. A member of staff is asked in chat and the
/// invitation never says what they answered: their responses are stored under a pseudonymous key and nothing joins
/// the two. A customer is asked through a single-use survey link (by e-mail, a helpdesk trigger, or a link handed
/// out); their response carries its invitation, so response rates and per-agent and per-channel figures work.
/// </summary>
public sealed class Invitation
{
    public Guid Id { get; set; }
    public Guid CycleId { get; set; }
    public ReviewCycle? Cycle { get; set; }
    /// <summary>The member of staff asked in chat; null for a customer invitation.</summary>
    public Guid? PersonId { get; set; }

    public Person? Person { get; set; }

    /// <summary>The customer contact asked; null for staff, for a link handed out, and once the contact is erased.</summary>
    public Guid? ContactId { get; set; }

    public Contact? Contact { get; set; }

    /// <summary>How the customer invitation reaches them: <c>email</c>, <c>helpdesk</c> (e-mail after a trigger), <c>link</c>; null for staff.</summary>
    public string? Via { get; set; }

    /// <summary>The interaction the customer is asked about (a ticket or call id), when known.</summary>
    public string? InteractionId { get; set; }

    /// <summary>The member of staff who handled that interaction, as the source named them.</summary>
    public string? Agent { get; set; }

    /// <summary>The channel of that interaction (phone, email, chat, ...).</summary>
    public string? InteractionChannel { get; set; }

    /// <summary>The contact's value of the plan's stratifying attribute when drawn, copied to their response.</summary>
    public string? Segment { get; set; }
    public InvitationState State { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public int RemindersSent { get; set; }
    public DateTime? LastRemindedAt { get; set; }
    public DateTime? AnsweredAt { get; set; }
}
