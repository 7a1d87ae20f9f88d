using System.Globalization;

namespace FeedbackBot.Jobs.Scheduling;

/// <summary>
/// The ids of the recurring jobs, as the dashboard and <c>feedbackbot jobs</c> show them. A plan's open-cycle job is
/// named after the plan (<c>staff-pulse</c>), so an operator recognises it; plan ids cannot contain a dot, so the
/// bot's own jobs (<c>system.…</c>) never clash with one.
/// </summary>
public static class JobIds
{
    public const string SystemPrefix = "system.";
    public const string PlanSync = SystemPrefix + "plan-sync";
    public const string WeeklySummary = SystemPrefix + "weekly-summary";
    public const string PeopleSync = SystemPrefix + "people-sync";
    public const string CoachingReminders = SystemPrefix + "coaching-reminders";
    public const string QaRetention = SystemPrefix + "qa-retention";
    public const string ActionReminders = SystemPrefix + "action-reminders";
    public const string ResponseRetention = SystemPrefix + "response-retention";

    /// <summary>The prefix of a plan's pause record: pauses are kept by plan, which outlives a rename of its job.</summary>
    public const string PlanPausePrefix = "plan:";

    /// <summary>
    /// A plan's recurring job: its id alone when no other tenant has a plan of that id, else the id and the tenant, so
    /// two tenants' <c>staff-pulse</c> stay two jobs.
    /// </summary>
    public static string ForPlan(string planKey, string tenant, bool keyIsShared) =>
        keyIsShared ? $"{planKey}@{tenant}" : planKey;

    public static string PlanPause(Guid planId) => PlanPausePrefix + Id(planId);

    public static string Id(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);
}
