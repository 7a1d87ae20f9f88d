using Quartz;

namespace FeedbackBot.Jobs.Cycles;

/// <summary>Queues every plan's weekly summary, on <c>Jobs:WeeklySummaryCron</c>.</summary>
[DisallowConcurrentExecution]
public sealed class WeeklySummaryJob(ICycleLifecycle lifecycle) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        await lifecycle.PostWeeklySummariesAsync(context.ScheduledFireTimeUtc ?? context.FireTimeUtc, cancellationToken);
    }
}
