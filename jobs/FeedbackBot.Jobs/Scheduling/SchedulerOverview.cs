using Quartz;
using Quartz.Extensibility;

namespace FeedbackBot.Jobs.Scheduling;

/// <summary>
/// What the scheduler holds and does, read from the shared store so every instance of the bot (and the command line)
/// sees the whole cluster; and the operator's actions: trigger now, pause, resume.
/// </summary>
public sealed class SchedulerOverview(ISchedulerFactory schedulers, IEnumerable<IExecutionHistoryStore> histories)
{
    private const string OperatorPauseReason = "paused by an operator";

    public async Task<IReadOnlyList<ScheduledJobView>> ListAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var history = histories.LastOrDefault();
        var running = (await scheduler.QueryFireInstances(
                new FireInstanceQuery { State = FireInstanceState.Executing, Take = PagedQuery.All }, cancellationToken))
            .Items
            .ToLookup(f => f.JobKey);

        var views = new List<ScheduledJobView>();
        foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), cancellationToken))
        {
            var job = await scheduler.GetJobDetail(key, cancellationToken);
            if (job is null)
            {
                continue;
            }

            var triggers = await scheduler.GetTriggersOfJob(key, cancellationToken);
            var trigger = triggers.OrderBy(t => t.NextFireTimeUtc ?? DateTimeOffset.MaxValue).FirstOrDefault();
            var state = trigger is null ? TriggerState.None : await scheduler.GetTriggerState(trigger.Key, cancellationToken);
            var pause = state == TriggerState.Paused && trigger is not null ? await scheduler.GetTriggerPause(trigger.Key, cancellationToken) : null;
            var status = history is null ? null : await history.GetJobRunStatus(scheduler.SchedulerName, key, cancellationToken);

            views.Add(new ScheduledJobView(
                JobKeys.Format(key),
                job.Description ?? string.Empty,
                state.ToString().ToLowerInvariant(),
                pause?.RequestedBy,
                Schedule(job, trigger),
                (trigger as ICronTrigger)?.TimeZone.Id,
                triggers.Select(t => t.PreviousFireTimeUtc).Max(),
                trigger?.NextFireTimeUtc,
                [.. running[key].Select(f => f.SchedulerInstanceId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                status is null ? null : new JobRunView(
                    status.LastFiredAtUtc,
                    status.LastFiredAtUtc + status.LastDuration,
                    status.LastResult.ToString().ToLowerInvariant(),
                    status.LastResult == JobRunResult.Failed ? status.LastFailureMessage : null,
                    status.LastSchedulerInstanceId)));
        }

        return [.. views.OrderBy(v => GroupOrder(v.Key)).ThenBy(v => v.Description, StringComparer.Ordinal).ThenBy(v => v.Key, StringComparer.Ordinal)];
    }

    public Task<JobActionResult> TriggerAsync(string key, CancellationToken cancellationToken) =>
        OnJobAsync(key, (scheduler, job) => scheduler.TriggerJob(job, cancellationToken), cancellationToken);

    public Task<JobActionResult> PauseAsync(string key, CancellationToken cancellationToken) =>
        OnJobAsync(key, async (scheduler, job) => await scheduler.PauseJobWith(
            job, new PauseDetails { Reason = OperatorPauseReason, RequestedBy = PauseRequesters.Operator }, cancellationToken), cancellationToken);

    public Task<JobActionResult> ResumeAsync(string key, CancellationToken cancellationToken) =>
        OnJobAsync(key, async (scheduler, job) => await scheduler.ResumeJob(job, cancellationToken), cancellationToken);

    private async Task<JobActionResult> OnJobAsync(string key, Func<IScheduler, JobKey, ValueTask> action, CancellationToken cancellationToken)
    {
        if (!JobKeys.TryParse(key, out var jobKey))
        {
            return JobActionResult.NotFound;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (!await scheduler.Exists(jobKey, cancellationToken))
        {
            return JobActionResult.NotFound;
        }

        await action(scheduler, jobKey);
        return JobActionResult.Done;
    }

    private static string Schedule(IJobDetail job, ITrigger? trigger) => trigger switch
    {
        ICronTrigger cron => job.JobDataMap.TryGetValue(PlanTriggerSync.CronDataKey, out var written) && written is string text
            ? text
            : cron.CronExpressionString ?? string.Empty,
        ISimpleTrigger { RepeatCount: 0 } => "once",
        ISimpleTrigger simple => $"every {simple.RepeatInterval}",
        null => "none",
        var other => other.GetType().Name,
    };

    private static int GroupOrder(string key) => key.Split('.')[0] switch
    {
        JobKeys.SystemGroup => 0,
        JobKeys.OpenCycleGroup => 1,
        JobKeys.RemindGroup => 2,
        JobKeys.CloseCycleGroup => 3,
        _ => 4,
    };
}
