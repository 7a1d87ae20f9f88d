using FeedbackBot.Jobs.Jobs;
using Quartz;

namespace FeedbackBot.Jobs.Scheduling;

/// <summary>
/// <c>run &lt;plan&gt; now</c>: opens a cycle of a plan now, outside its schedule, through the same job a scheduled
/// cycle runs, so its reminders and close are scheduled the same way. The job is stored, so whichever instance's
/// scheduler is running picks it up.
/// </summary>
public sealed class CycleRunner(ISchedulerFactory schedulers, TimeProvider clock)
{
    public const string RunNowGroup = "run-now";

    public async Task RunNowAsync(Guid planId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        // Its own group: plan sync removes open-cycle jobs of plans without a schedule, and this one must survive it.
        var key = new JobKey(JobKeys.Id(planId), RunNowGroup);
        var job = JobBuilder.Create<OpenCycleJob>()
            .WithIdentity(key)
            .WithDescription("Open a cycle now, by a manager's request")
            .UsingJobData(JobKeys.PlanIdKey, JobKeys.Id(planId))
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create(scheduler.TimeProvider)
            .WithIdentity(new TriggerKey(JobKeys.Id(planId), RunNowGroup))
            .ForJob(key)
            .StartAt(clock.GetUtcNow())
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken);
    }
}
