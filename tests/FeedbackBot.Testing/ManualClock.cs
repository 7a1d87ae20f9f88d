namespace FeedbackBot.Testing;

/// <summary>
/// The clock tests move by hand, in one of two ways. Stopped (the constructors), it shows only the time the test
/// sets: its timestamps and timers move with it, so a wait in the code under test ends exactly when the test
/// advances past it. Running (<see cref="FollowingRealTime"/>), it is real time plus every jump the test made: timers
/// stay real, so everything that waits still waits, while what reads the date (schedules, due times) sees the jump.
/// That stands in for a long wait, such as a cycle's five minutes, in a test that runs real schedulers.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly bool _running;
    private DateTimeOffset _stoppedAt;
    private TimeSpan _jumped;

    public ManualClock()
        : this(DefaultStart)
    {
    }

    public ManualClock(DateTimeOffset start) => _stoppedAt = start;

    private ManualClock(bool running) => _running = running;

    public static DateTimeOffset DefaultStart { get; } = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Timers of a stopped clock that are still to fire.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_lock)
            {
                return _timers.Count(t => t.Due is not null);
            }
        }
    }

    public override long TimestampFrequency => _running ? System.TimestampFrequency : TimeSpan.TicksPerSecond;

    /// <summary>A clock that runs with real time until the test moves it on.</summary>
    public static ManualClock FollowingRealTime() => new(running: true);

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _running ? System.GetUtcNow() + _jumped : _stoppedAt;
        }
    }

    public override long GetTimestamp() => _running ? System.GetTimestamp() : GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (_running)
        {
            return System.CreateTimer(callback, state, dueTime, period);
        }

        var timer = new ManualTimer(this, callback, state);
        lock (_lock)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock on by <paramref name="by"/>; a stopped clock fires the timers it passes, in order.</summary>
    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, "The clock only moves forward.");
        }

        List<ManualTimer> due;
        lock (_lock)
        {
            if (_running)
            {
                _jumped += by;
                return;
            }

            _stoppedAt += by;
            due = [.. _timers.Where(t => t.Due <= _stoppedAt).OrderBy(t => t.Due)];
            foreach (var timer in due)
            {
                timer.Due = timer.Period > TimeSpan.Zero ? _stoppedAt + timer.Period : null;
            }
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    /// <summary>Moves the clock so that it now shows <paramref name="when"/>; only forward.</summary>
    public void AdvanceTo(DateTimeOffset when)
    {
        var by = when - GetUtcNow();
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(when), when, "The clock only moves forward.");
        }

        Advance(by);
    }

    /// <summary>Waits (on the real clock, bounded) until code under test has started waiting on this stopped clock.</summary>
    public Task WaitForTimersAsync(int count) =>
        Eventually.ThatAsync(() => Task.FromResult(PendingTimers), pending => pending >= count, $"{count} pending timers", TimeSpan.FromSeconds(10));

    private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? Due { get; set; }

        public TimeSpan Period { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var fireNow = false;
            lock (clock._lock)
            {
                Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    Due = null;
                }
                else if (dueTime <= TimeSpan.Zero)
                {
                    fireNow = true;
                    Due = Period > TimeSpan.Zero ? clock._stoppedAt + Period : null;
                }
                else
                {
                    Due = clock._stoppedAt + dueTime;
                }
            }

            if (fireNow)
            {
                Fire();
            }

            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (clock._lock)
            {
                Due = null;
                clock._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
