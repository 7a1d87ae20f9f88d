namespace FeedbackBot.Core.Plans;

/// <summary>When review cycles of a plan open.</summary>
/// <param name="Cron">A five-field cron expression (minute hour day-of-month month day-of-week).</param>
/// <param name="TimeZone">The IANA time zone the expression is read in.</param>
public sealed record PlanSchedule(string Cron, string TimeZone);
