using FeedbackBot.Channels.Teams;
using FeedbackBot.Testing;

namespace FeedbackBot.Channels.Tests.Teams;

/// <summary>A request whose answer came late is counted from then on, as the platform counted it on arrival.</summary>
public sealed class SlidingWindowSettleTests
{
    private static readonly RateWindow OnePerSecond = new(1, TimeSpan.FromSeconds(1));
    private static readonly RateWindow TwoPerSecond = new(2, TimeSpan.FromSeconds(1));

    private readonly ManualClock _clock = new();

    [Fact]
    public void Settle_AnswerCameLate_NextRequestKeepsAWindowFromTheAnswer()
    {
        var limiter = new SlidingWindowLimiter([OnePerSecond], _clock);
        limiter.Reserve("tenant", out var delayed);
        _clock.Advance(TimeSpan.FromMilliseconds(300));

        limiter.Settle("tenant", delayed);

        // Without the settle the next would go one second after the first left; it goes one second after its answer.
        Assert.Equal(TimeSpan.FromSeconds(1), limiter.Reserve("tenant"));
    }

    [Fact]
    public void Settle_AnswerWithinTheAllowance_LeavesThePaceAsReserved()
    {
        var limiter = new SlidingWindowLimiter([OnePerSecond], _clock);
        limiter.Reserve("tenant", out var quick);
        _clock.Advance(TimeSpan.FromMilliseconds(20));

        limiter.Settle("tenant", quick, TimeSpan.FromMilliseconds(30));

        Assert.Equal(TimeSpan.FromMilliseconds(980), limiter.Reserve("tenant"));
    }

    [Fact]
    public void Settle_AnswerLaterThanTheAllowance_CountedThatMuchBeforeTheAnswer()
    {
        var limiter = new SlidingWindowLimiter([OnePerSecond], _clock);
        limiter.Reserve("tenant", out var slow);
        _clock.Advance(TimeSpan.FromMilliseconds(100));

        limiter.Settle("tenant", slow, TimeSpan.FromMilliseconds(30));

        Assert.Equal(TimeSpan.FromMilliseconds(970), limiter.Reserve("tenant"));
    }

    [Fact]
    public void Settle_AnswerBeforeTheSlot_LeavesThePaceAsReserved()
    {
        var limiter = new SlidingWindowLimiter([TwoPerSecond], _clock);
        limiter.Reserve("tenant");
        limiter.Reserve("tenant");
        limiter.Reserve("tenant", out var waiting);

        limiter.Settle("tenant", waiting);

        Assert.Equal(TimeSpan.FromSeconds(1), limiter.Reserve("tenant"));
    }
}
