using FeedbackBot.Jobs.Scheduling;
using Quartz;

namespace FeedbackBot.Jobs.Cycles;

/// <summary>Queues a cycle's due reminders, then schedules the next one, or stops when the lifecycle says none remain.</summary>
[DisallowConcurrentExecution]
public sealed class RemindJob(ICycleLifecycle lifecycle) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cycleId = JobKeys.GetId(context, JobKeys.CycleIdKey);
        var next = await lifecycle.RemindAsync(cycleId, cancellationToken);
        if (next is { } at)
        {
            await CycleJobScheduling.ScheduleReminderAsync(context.Scheduler, cycleId, at, cancellationToken);
        }
    }
}
