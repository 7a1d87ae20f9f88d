using FeedbackBot.Jobs.Cycles;
using Quartz;

namespace FeedbackBot.Jobs.Scheduling;

/// <summary>
/// Brings the plans' open-cycle triggers in line with the plans in the database, every minute and once at start, so
/// a plan applied, paused or resumed by another process takes effect within a minute; and books the close and
/// reminders of any open cycle the scheduler holds no close for, so no cycle stays open for ever, however it was
/// opened.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PlanSyncJob(PlanTriggerSync sync, ICycleLifecycle lifecycle) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var changes = await sync.SyncAsync(context.Scheduler, cancellationToken);
        var adopted = 0;
        foreach (var open in await lifecycle.OpenCyclesAsync(cancellationToken))
        {
            // Booking a cycle whose open job is booking it at the same moment is harmless: the close is replaced by
            // the same close, and an existing reminder is kept.
            if (await context.Scheduler.GetJobDetail(JobKeys.CloseCycle(open.CycleId), cancellationToken) is null)
            {
                await CycleJobScheduling.ScheduleStepsAsync(context.Scheduler, open, cancellationToken);
                adopted++;
            }
        }

        context.Result = adopted == 0 ? changes.ToString() : $"{changes}; {adopted} open cycle(s) given their close and reminders";
    }
}
