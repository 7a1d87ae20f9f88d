using FeedbackBot.Jobs.Scheduling;
using Quartz;

namespace FeedbackBot.Jobs.Cycles;

/// <summary>Closes a cycle, which builds its review and queues the summary.</summary>
[DisallowConcurrentExecution]
public sealed class CloseCycleJob(ICycleLifecycle lifecycle) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        await lifecycle.CloseCycleAsync(JobKeys.GetId(context, JobKeys.CycleIdKey), cancellationToken);
    }
}
