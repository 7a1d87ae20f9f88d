using System.ComponentModel;
using Hangfire;

namespace FeedbackBot.Jobs.Cycles;

/// <summary>Closes a cycle, which builds its review once and queues the summary.</summary>
public sealed class CloseCycleJob(ICycleLifecycle lifecycle)
{
    [DisplayName("{1}: close the cycle and post its review")]
    [AutomaticRetry(Attempts = 10)]
    public Task RunAsync(Guid cycleId, string plan, CancellationToken cancellationToken) =>
        lifecycle.CloseCycleAsync(cycleId, cancellationToken);
}
