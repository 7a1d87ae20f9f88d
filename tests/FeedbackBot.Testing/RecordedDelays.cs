namespace FeedbackBot.Testing;

/// <summary>
/// A clock for the waits between retries that waits for nothing: each wait is recorded, moves the given
/// <see cref="ManualClock"/> on by as much (as the wait would have), and ends at once. A test asserts the waits that
/// were asked for, never the time they took.
/// </summary>
public sealed class RecordedDelays(ManualClock? clock = null) : TimeProvider
{
    private readonly List<TimeSpan> _delays = [];

    /// <summary>The waits so far, in order.</summary>
    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_delays)
            {
                return [.. _delays];
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => clock?.GetUtcNow() ?? System.GetUtcNow();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return new Unscheduled();
        }

        lock (_delays)
        {
            _delays.Add(dueTime);
        }

        clock?.Advance(dueTime);
        // Not on the caller's stack: the awaiting code has not yet stored the timer it is being handed.
        ThreadPool.UnsafeQueueUserWorkItem(_ => callback(state), null);
        return new Unscheduled();
    }

    private sealed class Unscheduled : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
