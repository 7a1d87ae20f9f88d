namespace FeedbackBot.Testing;

/// <summary>
/// Real time moved forward by whatever a test jumps over: timers and elapsed time stay real, so everything that waits
/// still waits, while what reads the date (schedules, due times) sees the jump. It stands in for a long wait, such as a
/// cycle's five minutes, in a test that runs real schedulers.
/// </summary>
public sealed class JumpingClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the clock so that it now shows <paramref name="when"/>; only forward.</summary>
    public void JumpTo(DateTimeOffset when)
    {
        var by = when - GetUtcNow();
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(when), when, "The clock only moves forward.");
        }

        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
