using FeedbackBot.Jobs.Cycles;

namespace FeedbackBot.Tests.Features.Scheduling;

/// <summary>Stands in for the host's lifecycle so a triggered job's effect can be seen; signals each call.</summary>
internal sealed class RecordingCycleLifecycle : ICycleLifecycle
{
    private readonly TaskCompletionSource<DateTimeOffset> _weeklySummary = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<DateTimeOffset> WeeklySummaryPosted => _weeklySummary.Task;

    public Task<OpenedCycle?> OpenCycleAsync(Guid planId, DateTimeOffset scheduledFor, CancellationToken cancellationToken) =>
        Task.FromResult<OpenedCycle?>(null);

    public Task<DateTimeOffset?> RemindAsync(Guid cycleId, CancellationToken cancellationToken) => Task.FromResult<DateTimeOffset?>(null);

    public Task CloseCycleAsync(Guid cycleId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<OpenedCycle>> OpenCyclesAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<OpenedCycle>>([]);

    public Task PostWeeklySummariesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        _weeklySummary.TrySetResult(now);
        return Task.CompletedTask;
    }
}
