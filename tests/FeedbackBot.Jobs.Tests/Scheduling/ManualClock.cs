namespace FeedbackBot.Jobs.Tests.Scheduling;

/// <summary>A clock that shows the time a test sets: the scheduler computes fire times from it.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
