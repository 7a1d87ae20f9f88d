namespace FeedbackBot.Data.Entities;

/// <summary>
/// One message the bot must send unprompted (an invitation, a reminder, a review or weekly summary for a channel),
/// written before it is sent so that a crash loses nothing and a restart never sends it twice. Its key says what it
/// is: the same key is never queued twice.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Tenant? Tenant { get; set; }
    public OutboxKind Kind { get; set; }

    /// <summary>Unique: <c>invite:{cycle}:{person}</c>, <c>email-invite:{invitation}</c>, <c>email-remind:{invitation}:{n}</c>, <c>remind:{cycle}:{person}:{n}</c>, <c>review:{review}:{channel}:{conversation}</c>, <c>weekly:{tenant}:{week}:{channel}:{conversation}</c>, <c>qa-feedback:{evaluation}</c>, <c>qa-answer:{evaluation}:{answer}</c>, <c>coaching-due:{action}:{who}</c>.</summary>
    public required string DedupeKey { get; set; }

    /// <summary>The person written to, for invitations, reminders and coaching messages (through their stored conversation).</summary>
    public Guid? PersonId { get; set; }

    public Guid? CycleId { get; set; }

    /// <summary>For e-mail invitations and reminders: the customer invitation whose link is sent.</summary>
    public Guid? InvitationId { get; set; }
    public Guid? ReviewId { get; set; }

    /// <summary>For posts to a channel (a plan's <c>post_to</c>): the platform and its channel id.</summary>
    public TenantChannel? TargetChannel { get; set; }

    public string? TargetConversation { get; set; }

    /// <summary>What a weekly summary says, or which evaluation a coaching message is about (JSON); null for the other kinds.</summary>
    public string? Body { get; set; }

    public OutboxState State { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }

    /// <summary>While set and in the future, one dispatcher is sending it.</summary>
    public DateTime? ClaimedUntil { get; set; }

    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
}
