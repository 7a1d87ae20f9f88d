using FeedbackBot.Jobs.Scheduling;
using Quartz;

namespace FeedbackBot.Jobs.Jobs;

/// <summary>
/// Brings the plans' open-cycle triggers in line with the plans in the database, every minute and once at start, so
/// a plan applied, paused or resumed by another process takes effect within a minute.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PlanSyncJob(PlanTriggerSync sync) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var changes = await sync.SyncAsync(context.Scheduler, cancellationToken);
        context.Result = changes.ToString();
    }
}
