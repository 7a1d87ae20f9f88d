using FeedbackBot.Data;
using FeedbackBot.Jobs.Cycles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quartz;

namespace FeedbackBot.Jobs.Scheduling;

/// <summary>
/// Makes the scheduler's open-cycle triggers match the plans in the database: a trigger for every scheduled plan, in
/// the plan's time zone, paused while the plan is paused; none for a plan removed or no longer scheduled. The plan
/// sync job runs it every minute on whichever instance picks it up; the host calls <see cref="SyncAsync(CancellationToken)"/>
/// after pausing or resuming a plan itself, so the change holds at once.
/// </summary>
public sealed class PlanTriggerSync(
    IDbContextFactory<FeedbackDbContext> contexts,
    ISchedulerFactory schedulers,
    ILogger<PlanTriggerSync> logger)
{
    public const string CronDataKey = "cron";

    public async Task<PlanSyncChanges> SyncAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        return await SyncAsync(scheduler, cancellationToken);
    }

    public async Task<PlanSyncChanges> SyncAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        IReadOnlyList<PlanTriggerSpec> wanted;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            wanted = await PlanSchedules.LoadAsync(db, logger, cancellationToken);
        }

        var changes = new PlanSyncChanges();
        var wantedKeys = wanted.Select(s => JobKeys.OpenCycle(s.PlanId)).ToHashSet();
        foreach (var existing in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(JobKeys.OpenCycleGroup), cancellationToken))
        {
            if (!wantedKeys.Contains(existing) && await scheduler.DeleteJob(existing, cancellationToken))
            {
                changes = changes with { Removed = changes.Removed + 1 };
            }
        }

        foreach (var spec in wanted)
        {
            changes = await ApplyAsync(scheduler, spec, changes, cancellationToken);
        }

        if (changes.Any && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Plan triggers synchronised: {Changes}", changes);
        }

        return changes;
    }

    private static async Task<PlanSyncChanges> ApplyAsync(IScheduler scheduler, PlanTriggerSpec spec, PlanSyncChanges changes, CancellationToken cancellationToken)
    {
        var jobKey = JobKeys.OpenCycle(spec.PlanId);
        var triggerKey = JobKeys.TriggerOf(jobKey);
        var current = await scheduler.GetTrigger(triggerKey, cancellationToken) as ICronTrigger;
        if (current is null)
        {
            await ScheduleAsync(scheduler, spec, pausedByOperator: false, cancellationToken);
            return changes with { Added = changes.Added + 1 };
        }

        var state = await scheduler.GetTriggerState(triggerKey, cancellationToken);
        var pause = state == TriggerState.Paused ? await scheduler.GetTriggerPause(triggerKey, cancellationToken) : null;
        var pausedByOperator = state == TriggerState.Paused && pause?.RequestedBy != PauseRequesters.Plan;
        var sameSchedule = current.CronExpressionString == spec.QuartzCron && current.TimeZone.Id == spec.TimeZone.Id;
        if (!sameSchedule)
        {
            await ScheduleAsync(scheduler, spec, pausedByOperator, cancellationToken);
            return changes with { Replaced = changes.Replaced + 1 };
        }

        if (spec.Paused && state != TriggerState.Paused)
        {
            await scheduler.PauseTriggerWith(triggerKey, PlanPause, cancellationToken);
            return changes with { Paused = changes.Paused + 1 };
        }

        if (!spec.Paused && state == TriggerState.Paused && !pausedByOperator)
        {
            // A fresh trigger rather than a resume: a resumed trigger would treat the occurrences that passed while
            // the plan was paused as a misfire and open a cycle at once.
            await ScheduleAsync(scheduler, spec, pausedByOperator: false, cancellationToken);
            return changes with { Resumed = changes.Resumed + 1 };
        }

        return changes;
    }

    private static PauseDetails PlanPause => new() { Reason = "the plan is paused", RequestedBy = PauseRequesters.Plan };

    private static async Task ScheduleAsync(IScheduler scheduler, PlanTriggerSpec spec, bool pausedByOperator, CancellationToken cancellationToken)
    {
        var jobKey = JobKeys.OpenCycle(spec.PlanId);
        var job = JobBuilder.Create<OpenCycleJob>()
            .WithIdentity(jobKey)
            .WithDescription($"Open a cycle of {spec.Description}")
            .UsingJobData(JobKeys.PlanIdKey, JobKeys.Id(spec.PlanId))
            .UsingJobData(CronDataKey, spec.Cron)
            .StoreDurably()
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create(scheduler.TimeProvider)
            .WithIdentity(JobKeys.TriggerOf(jobKey))
            .ForJob(jobKey)
            .StartNow()
            // A cycle missed while every instance was down opens once, at the next start, not once per missed occurrence.
            .WithCronSchedule(spec.QuartzCron, cron => cron
                .InTimeZone(spec.TimeZone)
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        var paused = spec.Paused || pausedByOperator;
        var options = ScheduleJobOptions.Replacing with
        {
            Paused = paused,
            PauseReason = !paused ? null : spec.Paused ? PlanPause.Reason : "paused by an operator",
            PauseRequestedBy = !paused ? null : spec.Paused ? PauseRequesters.Plan : PauseRequesters.Operator,
        };
        await scheduler.ScheduleJob(job, trigger, options, cancellationToken);
    }
}
