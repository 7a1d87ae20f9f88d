namespace FeedbackBot.Data.Entities;

/// <summary>
/// One interaction from a helpdesk's or phone system's log (a call, a chat, an e-mail thread, ...), imported so that
/// QA can sample interactions to evaluate and report coverage. Unique by the source's id within the tenant, so the
/// same log imported again changes nothing. It names the agent who handled it: unlike survey answers it is about a
/// named person's work, and nothing links it to a survey answer.
/// </summary>
public sealed class MonitoredInteraction
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Tenant? Tenant { get; set; }

    /// <summary>The interaction's id in the helpdesk or phone system.</summary>
    public required string InteractionKey { get; set; }

    /// <summary>The agent as the source names them (an e-mail address, a platform id or a login).</summary>
    public required string Agent { get; set; }

    /// <summary>
    /// The roster's person the agent is, when the source's name matches someone's e-mail address or platform id; null
    /// when it matches nobody, or once that person is deleted (the interaction stays, under the source's name).
    /// </summary>
    public Guid? AgentPersonId { get; set; }

    /// <summary><c>phone</c>, <c>email</c>, <c>chat</c>, <c>face_to_face</c>, <c>social</c> or <c>other</c>.</summary>
    public required string Channel { get; set; }

    public DateTime StartedAt { get; set; }
    public double? DurationSeconds { get; set; }

    /// <summary>The queue, skill or line it came in on, if the source says.</summary>
    public string? Queue { get; set; }

    public DateTime ImportedAt { get; set; }
}
