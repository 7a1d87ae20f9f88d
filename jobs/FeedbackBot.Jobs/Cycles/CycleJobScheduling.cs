using FeedbackBot.Jobs.Scheduling;
using Quartz;

namespace FeedbackBot.Jobs.Cycles;

/// <summary>Schedules the one-shot steps of an open cycle: its close and its reminders.</summary>
internal static class CycleJobScheduling
{
    /// <summary>The close of a cycle just opened and its first reminder, however it was opened.</summary>
    public static async Task ScheduleStepsAsync(IScheduler scheduler, OpenedCycle opened, CancellationToken cancellationToken)
    {
        await ScheduleCloseAsync(scheduler, opened.CycleId, opened.ClosesAt, cancellationToken);
        if (opened.FirstReminderAt is { } remindAt)
        {
            await ScheduleReminderAsync(scheduler, opened.CycleId, remindAt, cancellationToken);
        }
    }

    public static async Task ScheduleCloseAsync(IScheduler scheduler, Guid cycleId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var key = JobKeys.CloseCycle(cycleId);
        var job = JobBuilder.Create<CloseCycleJob>()
            .WithIdentity(key)
            .WithDescription("Close the cycle and post its review")
            .UsingJobData(JobKeys.CycleIdKey, JobKeys.Id(cycleId))
            .RequestRecovery()
            .Build();
        var trigger = OneShot(scheduler, JobKeys.TriggerOf(key), key, at);
        // Replace: a rerun of the open job reschedules the same close instead of failing on the existing one.
        await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken);
    }

    public static async Task ScheduleReminderAsync(IScheduler scheduler, Guid cycleId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var key = JobKeys.Remind(cycleId);
        var job = JobBuilder.Create<RemindJob>()
            .WithIdentity(key)
            .WithDescription("Remind those who have not answered")
            .UsingJobData(JobKeys.CycleIdKey, JobKeys.Id(cycleId))
            .RequestRecovery()
            .Build();
        var trigger = OneShot(scheduler, JobKeys.ReminderTrigger(cycleId, at), key, at);
        if (await scheduler.GetJobDetail(key, cancellationToken) is null)
        {
            await scheduler.ScheduleJob(job, trigger, default, cancellationToken);
            return;
        }

        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Keep, cancellationToken);
    }

    // A one-shot step missed while everything was down is due at once on the next start: FireNow.
    private static ITrigger OneShot(IScheduler scheduler, TriggerKey key, JobKey job, DateTimeOffset at) =>
        TriggerBuilder.Create(scheduler.TimeProvider)
            .WithIdentity(key)
            .ForJob(job)
            .StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
}
