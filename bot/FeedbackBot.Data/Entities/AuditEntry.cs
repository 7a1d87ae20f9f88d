namespace FeedbackBot.Data.Entities;

/// <summary>
/// One confidential act, such as reading someone else's evaluation: who did what to which record, and when. Entries
/// are only ever added, so the trail shows every read a manager or an evaluator made.
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Tenant? Tenant { get; set; }
    public DateTime At { get; set; }

    /// <summary>Who: a platform user id, or <c>cli</c> for the command line.</summary>
    public required string Actor { get; set; }

    /// <summary>What, as <c>thing.verb</c>: <c>evaluation.read</c>, ...</summary>
    public required string Action { get; set; }

    /// <summary>Which record: an evaluation's id, ...</summary>
    public required string Subject { get; set; }

    public string? Detail { get; set; }
}
