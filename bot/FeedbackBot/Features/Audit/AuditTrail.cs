using FeedbackBot.Data;
using FeedbackBot.Data.Entities;

namespace FeedbackBot.Features.Audit;

/// <summary>
/// The acts the audit trail records (docs/privacy.md), and one way to add an entry. An entry names who acted and on
/// which record, never what the record says: the trail must not become a second copy of the personal data.
/// </summary>
internal static class AuditTrail
{
    public const string PlanApplied = "plan.applied";
    public const string PlanPaused = "plan.paused";
    public const string PlanResumed = "plan.resumed";
    public const string RoleChanged = "role.changed";
    public const string JobTriggered = "job.triggered";
    public const string JobPaused = "job.paused";
    public const string JobResumed = "job.resumed";
    public const string JobDashboard = "job.dashboard";
    public const string ReportOpened = "report.opened";
    public const string HistoryOpened = "history.opened";
    public const string PersonExported = "person.exported";
    public const string PersonErased = "person.erased";
    public const string ResponsesRetention = "responses.retention";

    /// <summary>The actor of everything done from the command line.</summary>
    public const string CommandLine = "cli";

    /// <summary>The actor of an action on the jobs dashboard: its admin, who signs in with the one admin password.</summary>
    public const string Dashboard = "admin";

    /// <summary>The actor of a report or history link: whoever holds it, who is not known.</summary>
    public const string Link = "link";

    /// <summary>Adds the entry to <paramref name="db"/>; it is saved with the caller's next save.</summary>
    public static void Add(FeedbackDbContext db, Guid? tenantId, DateTime at, string actor, string action, string subject, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.AuditEntries.Add(new AuditEntry
        {
            Id = Guid.NewGuid(),
            TenantId = tenantId,
            At = at,
            Actor = Truncate(actor, 200),
            Action = action,
            Subject = Truncate(subject, 200),
            Detail = detail is null ? null : Truncate(detail, 2000),
        });
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
