using System.ComponentModel;
using Hangfire;

namespace FeedbackBot.Jobs.Cycles;

/// <summary>Queues a cycle's due reminders, then books the next one, or stops when the lifecycle says none remain.</summary>
public sealed class RemindJob(ICycleLifecycle lifecycle, CycleSteps steps)
{
    [DisplayName("{1}: remind those who have not answered")]
    [AutomaticRetry(Attempts = 5)]
    public async Task RunAsync(Guid cycleId, string plan, CancellationToken cancellationToken)
    {
        if (await lifecycle.RemindAsync(cycleId, cancellationToken) is { } next)
        {
            steps.Remind(cycleId, plan, next);
        }
    }
}
