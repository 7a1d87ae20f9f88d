using FeedbackBot.Jobs.Cycles;
using Hangfire;

namespace FeedbackBot.Jobs.Scheduling;

/// <summary>
/// What the host asks of the scheduler for cycles opened outside the schedule. <c>run PLAN now</c> opens a cycle
/// through the same job a scheduled cycle runs, on whichever instance picks it up; a cycle the host opened itself
/// (<c>start pulse</c>) has its close and reminders booked here exactly as the open job books them.
/// </summary>
public sealed class CycleRunner(IBackgroundJobClient jobs, CycleSteps steps)
{
    public Task RunNowAsync(Guid planId, string plan, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        jobs.Enqueue<OpenCycleJob>(job => job.RunNowAsync(planId, plan, null, CancellationToken.None));
        return Task.CompletedTask;
    }

    /// <summary>Books an opened cycle's close and first reminder, once; a cycle booked before is left as it is.</summary>
    public Task FollowAsync(OpenedCycle opened, CancellationToken cancellationToken) => steps.BookAsync(opened, cancellationToken);
}
