using FeedbackBot.Data;
using FeedbackBot.Jobs.Actions;
using FeedbackBot.Jobs.Coaching;
using FeedbackBot.Jobs.Cycles;
using FeedbackBot.Jobs.People;
using FeedbackBot.Jobs.Retention;
using FeedbackBot.Jobs.Scorecards;
using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Jobs.Scheduling;

/// <summary>
/// Makes Hangfire's recurring jobs match the database: the bot's own (plan sync, weekly summary, coaching reminders,
/// people sync unless <c>People:SyncSchedule</c> is off, QA retention unless <c>Qa:RetentionSchedule</c> is off, response
/// retention unless <c>Retention:Schedule</c> is off) and one per
/// scheduled plan, each with its cron and time zone; none for a plan removed or no longer scheduled. A paused plan, or
/// a job an operator paused, keeps its job with a schedule that never fires (Hangfire has no paused state), so it
/// stays visible by its name. The plan sync job runs this every minute on whichever instance picks it up, and the
/// bot and the command line run it at once after a change of their own.
/// </summary>
public sealed class RecurringJobSync(
    IDbContextFactory<FeedbackDbContext> contexts,
    IRecurringJobManagerV2 manager,
    JobStorage storage,
    IOptions<JobsOptions> options,
    ILogger<RecurringJobSync> logger)
{
    /// <summary>Hangfire's own "never": 31 February.</summary>
    public static readonly string Never = Cron.Never();

    public async Task<PlanSyncChanges> SyncAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<PlanJobSpec> plans;
        HashSet<string> pauses;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            plans = await PlanSchedules.LoadAsync(db, logger, cancellationToken);
            pauses = [.. await db.JobPauses.AsNoTracking().Select(p => p.JobId).ToListAsync(cancellationToken)];
        }

        var existing = ExistingJobs();
        var changes = new PlanSyncChanges();
        var settings = options.Value;
        var utc = TimeZoneInfo.Utc;
        changes = Apply(existing, JobIds.PlanSync, Job.FromExpression<PlanSyncJob>(j => j.RunAsync(CancellationToken.None)), Cron.Minutely(), utc, pauses.Contains(JobIds.PlanSync), changes);
        if (TimeZoneInfo.TryFindSystemTimeZoneById(settings.TimeZone, out var summaryZone))
        {
            changes = Apply(existing, JobIds.WeeklySummary, Job.FromExpression<WeeklySummaryJob>(j => j.RunAsync(CancellationToken.None)), settings.WeeklySummaryCron, summaryZone, pauses.Contains(JobIds.WeeklySummary), changes);
        }

        changes = Apply(existing, JobIds.CoachingReminders, Job.FromExpression<CoachingRemindersJob>(j => j.RunAsync(CancellationToken.None)), Cron.Hourly(), utc, pauses.Contains(JobIds.CoachingReminders), changes);
        changes = Apply(existing, JobIds.ActionReminders, Job.FromExpression<ActionRemindersJob>(j => j.RunAsync(CancellationToken.None)), Cron.Hourly(), utc, pauses.Contains(JobIds.ActionReminders), changes);
        var wanted = plans.Select(p => p.JobId)
            .Append(JobIds.PlanSync).Append(JobIds.WeeklySummary).Append(JobIds.CoachingReminders).Append(JobIds.ActionReminders)
            .ToHashSet(StringComparer.Ordinal);
        if (settings.PeopleSyncEnabled && TimeZoneInfo.TryFindSystemTimeZoneById(settings.TimeZone, out var syncZone))
        {
            changes = Apply(existing, JobIds.PeopleSync, Job.FromExpression<PeopleSyncJob>(j => j.RunAsync(CancellationToken.None)), settings.PeopleSyncSchedule.Trim(), syncZone, pauses.Contains(JobIds.PeopleSync), changes);
            wanted.Add(JobIds.PeopleSync);
        }

        if (settings.QaRetentionEnabled && TimeZoneInfo.TryFindSystemTimeZoneById(settings.TimeZone, out var retentionZone))
        {
            changes = Apply(existing, JobIds.QaRetention, Job.FromExpression<QaRetentionJob>(j => j.RunAsync(CancellationToken.None)), settings.QaRetentionSchedule.Trim(), retentionZone, pauses.Contains(JobIds.QaRetention), changes);
            wanted.Add(JobIds.QaRetention);
        }

        if (settings.ResponseRetentionEnabled && TimeZoneInfo.TryFindSystemTimeZoneById(settings.TimeZone, out var responseRetentionZone))
        {
            changes = Apply(existing, JobIds.ResponseRetention, Job.FromExpression<ResponseRetentionJob>(j => j.RunAsync(CancellationToken.None)), settings.ResponseRetentionSchedule.Trim(), responseRetentionZone, pauses.Contains(JobIds.ResponseRetention), changes);
            wanted.Add(JobIds.ResponseRetention);
        }

        foreach (var plan in plans)
        {
            var paused = plan.Paused || pauses.Contains(JobIds.PlanPause(plan.PlanId));
            var job = Job.FromExpression<OpenCycleJob>(j => j.RunAsync(plan.PlanId, plan.JobId, CancellationToken.None));
            changes = Apply(existing, plan.JobId, job, plan.Cron, plan.TimeZone, paused, changes);
        }

        foreach (var id in existing.Keys.Where(id => !wanted.Contains(id)))
        {
            manager.RemoveIfExists(id);
            changes = changes with { Removed = changes.Removed + 1 };
        }

        if (changes.Any && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Recurring jobs synchronised: {Changes}", changes);
        }

        return changes;
    }

    private Dictionary<string, RecurringJobDto> ExistingJobs()
    {
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs().Where(j => !j.Removed).ToDictionary(j => j.Id, StringComparer.Ordinal);
    }

    private PlanSyncChanges Apply(
        Dictionary<string, RecurringJobDto> existing, string id, Job job, string cron, TimeZoneInfo zone, bool paused, PlanSyncChanges changes)
    {
        var schedule = paused ? Never : cron;
        existing.TryGetValue(id, out var current);
        var same = current is not null && current.Cron == schedule && current.TimeZoneId == zone.Id && SameJob(current.Job, job);
        if (same)
        {
            return changes;
        }

        // Relaxed: a cycle missed while every instance was down opens once, at the next start, not once per missed
        // occurrence; the job works out which occurrence that was (OpenCycleJob).
        manager.AddOrUpdate(id, job, schedule, new RecurringJobOptions { TimeZone = zone, MisfireHandling = MisfireHandlingMode.Relaxed });
        return current is null ? changes with { Added = changes.Added + 1 }
            : paused && current.Cron != Never ? changes with { Paused = changes.Paused + 1 }
            : !paused && current.Cron == Never ? changes with { Resumed = changes.Resumed + 1 }
            : changes with { Replaced = changes.Replaced + 1 };
    }

    private static bool SameJob(Job? current, Job wanted) =>
        current is not null && current.Type == wanted.Type && current.Method.Name == wanted.Method.Name &&
        current.Args.Count == wanted.Args.Count && current.Args.Zip(wanted.Args).All(pair => Equals(pair.First, pair.Second));
}
