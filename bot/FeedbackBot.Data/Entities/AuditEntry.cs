namespace FeedbackBot.Data.Entities;

/// <summary>
/// One act worth accounting for (reading someone else's evaluation, applying a plan, changing a role, pausing a job,
/// opening a report link, exporting or erasing a person): who did what to which record, and when. Entries are only
/// added, except that erasing a person replaces their name where they were the actor (docs/privacy.md).
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; }

    /// <summary>The tenant the act was in; null for acts on the whole installation (one of the bot's own jobs).</summary>
    public Guid? TenantId { get; set; }

    public Tenant? Tenant { get; set; }
    public DateTime At { get; set; }

    /// <summary>Who: a platform user id, <c>cli</c> for the command line, <c>link</c> for a report link, a job's id.</summary>
    public required string Actor { get; set; }

    /// <summary>What, as <c>thing.verb</c>: <c>evaluation.read</c>, <c>plan.applied</c>, <c>role.changed</c>, <c>job.paused</c>, ...</summary>
    public required string Action { get; set; }

    /// <summary>Which record: an evaluation's id, ...</summary>
    public required string Subject { get; set; }

    public string? Detail { get; set; }
}
