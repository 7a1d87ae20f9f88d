using FeedbackBot.Jobs.Cycles;

namespace FeedbackBot.Jobs.Tests.Scheduling;

/// <summary>One call the jobs made on the lifecycle.</summary>
internal sealed record LifecycleCall(string Method, Guid Id, DateTimeOffset? At);

/// <summary>
/// Stands in for the host's lifecycle: records every call, answers as each test tells it, and lets a test wait, with
/// a bound, until the calls it expects have been made.
/// </summary>
internal sealed class RecordingLifecycle : ICycleLifecycle
{
    private readonly Lock _gate = new();
    private readonly List<LifecycleCall> _calls = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Func<Guid, DateTimeOffset, OpenedCycle?> OnOpen { get; set; } = (_, _) => null;

    /// <summary>Given the cycle and how many reminders it has had before this one; returns when the next is due.</summary>
    public Func<Guid, int, DateTimeOffset?> OnRemind { get; set; } = (_, _) => null;

    public Func<Guid, Exception?> OnClose { get; set; } = _ => null;

    /// <summary>What a close waits for before it returns, so a test can watch a job while it runs.</summary>
    public Task CloseGate { get; set; } = Task.CompletedTask;

    public IReadOnlyList<LifecycleCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>The cycles the lifecycle says are open; the scheduler books the steps of those it does not hold.</summary>
    public Func<IReadOnlyList<OpenedCycle>> OnOpenCycles { get; set; } = () => [];

    public Task<IReadOnlyList<OpenedCycle>> OpenCyclesAsync(CancellationToken cancellationToken) => Task.FromResult(OnOpenCycles());

    public Task<OpenedCycle?> OpenCycleAsync(Guid planId, DateTimeOffset scheduledFor, CancellationToken cancellationToken)
    {
        var answer = OnOpen(planId, scheduledFor);
        Record(new LifecycleCall(nameof(OpenCycleAsync), planId, scheduledFor));
        return Task.FromResult(answer);
    }

    public Task<DateTimeOffset?> RemindAsync(Guid cycleId, CancellationToken cancellationToken)
    {
        var before = Calls.Count(c => c.Method == nameof(RemindAsync) && c.Id == cycleId);
        var next = OnRemind(cycleId, before);
        Record(new LifecycleCall(nameof(RemindAsync), cycleId, next));
        return Task.FromResult(next);
    }

    public async Task CloseCycleAsync(Guid cycleId, CancellationToken cancellationToken)
    {
        Record(new LifecycleCall(nameof(CloseCycleAsync), cycleId, null));
        await CloseGate.WaitAsync(cancellationToken);
        if (OnClose(cycleId) is { } failure)
        {
            throw failure;
        }
    }

    public Task PostWeeklySummariesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        Record(new LifecycleCall(nameof(PostWeeklySummariesAsync), Guid.Empty, now));
        return Task.CompletedTask;
    }

    /// <summary>Waits until the calls satisfy <paramref name="condition"/>; fails the test after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<LifecycleCall>> WaitForAsync(
        Func<IReadOnlyList<LifecycleCall>, bool> condition, TimeSpan timeout, string what)
    {
        using var limit = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (condition(_calls))
                {
                    return [.. _calls];
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}; calls so far: {string.Join(", ", Calls)}");
            }
        }
    }

    private void Record(LifecycleCall call)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _calls.Add(call);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.SetResult();
    }
}
