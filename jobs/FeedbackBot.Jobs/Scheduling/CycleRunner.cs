using FeedbackBot.Jobs.Cycles;
using Quartz;

namespace FeedbackBot.Jobs.Scheduling;

/// <summary>
/// What the host asks of the scheduler for cycles opened outside the schedule. <c>run PLAN now</c> opens a cycle
/// through the same job a scheduled cycle runs; a cycle the host opened itself (<c>start pulse</c>) has its close and
/// reminders booked here exactly as the open job books them. The jobs are stored, so whichever instance's scheduler
/// is running picks them up, and the host never touches the scheduler's own types.
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

    /// <summary>
    /// Books an opened cycle's close and first reminder at the times the lifecycle returned, as the open job does
    /// for a scheduled cycle. Booking the same cycle again replaces its close and keeps its reminder.
    /// </summary>
    public async Task FollowAsync(OpenedCycle opened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opened);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await CycleJobScheduling.ScheduleStepsAsync(scheduler, opened, cancellationToken);
    }
}
