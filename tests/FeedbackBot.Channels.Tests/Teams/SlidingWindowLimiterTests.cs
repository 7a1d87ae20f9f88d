using FeedbackBot.Channels.Teams;
using FeedbackBot.Testing;

namespace FeedbackBot.Channels.Tests.Teams;

public sealed class SlidingWindowLimiterTests
{
    private readonly ManualClock _clock = new();

    [Fact]
    public void Reserve_SevenInASecond_AllGoAtOnce()
    {
        var limiter = new SlidingWindowLimiter(TeamsSendPacer.ConversationLimits, _clock);

        var waits = Enumerable.Range(0, 7).Select(_ => limiter.Reserve("a:1")).ToList();

        Assert.All(waits, w => Assert.Equal(TimeSpan.Zero, w));
    }

    [Fact]
    public void Reserve_EighthInASecond_WaitsOneSecond()
    {
        var limiter = new SlidingWindowLimiter(TeamsSendPacer.ConversationLimits, _clock);
        for (var i = 0; i < 7; i++)
        {
            limiter.Reserve("a:1");
        }

        Assert.Equal(TimeSpan.FromSeconds(1.03), limiter.Reserve("a:1"));
    }

    [Fact]
    public void Reserve_NinthAfterABurst_WaitsForTheTwoSecondWindow()
    {
        var limiter = new SlidingWindowLimiter(TeamsSendPacer.ConversationLimits, _clock);
        for (var i = 0; i < 8; i++)
        {
            limiter.Reserve("a:1");
        }

        Assert.Equal(TimeSpan.FromSeconds(2.06), limiter.Reserve("a:1"));
    }

    [Fact]
    public void Reserve_OtherConversation_NotHeldUp()
    {
        var limiter = new SlidingWindowLimiter(TeamsSendPacer.ConversationLimits, _clock);
        for (var i = 0; i < 8; i++)
        {
            limiter.Reserve("a:1");
        }

        Assert.Equal(TimeSpan.Zero, limiter.Reserve("a:2"));
    }

    [Fact]
    public void Reserve_FiftyTenantRequestsAtOnce_GoInFifthsOfASecond()
    {
        var limiter = new SlidingWindowLimiter(TeamsSendPacer.TenantLimits, _clock);

        var waits = Enumerable.Range(0, 51).Select(_ => limiter.Reserve("tenant")).ToList();

        // Ten at once, then ten every (stretched) fifth of a second; the 51st a whole (stretched) second after the first.
        Assert.All(waits[..10], w => Assert.Equal(TimeSpan.Zero, w));
        Assert.All(waits[10..20], w => Assert.Equal(TimeSpan.FromTicks(2_060_000), w));
        Assert.All(waits[40..50], w => Assert.Equal(TimeSpan.FromTicks(2_060_000 * 4), w));
        Assert.Equal(TimeSpan.FromSeconds(1.03), waits[50]);
    }

    [Fact]
    public void Reserve_TenantSendingAsFastAsAllowed_KeepsFiftyInAnySecondAndTenInAnyFifth()
    {
        var limiter = new SlidingWindowLimiter(TeamsSendPacer.TenantLimits, _clock);
        var sentAt = new List<DateTimeOffset>();

        for (var i = 0; i < 500; i++)
        {
            _clock.Advance(limiter.Reserve("tenant"));
            sentAt.Add(_clock.GetUtcNow());
        }

        for (var i = 50; i < sentAt.Count; i++)
        {
            Assert.True(sentAt[i] - sentAt[i - 50] >= TimeSpan.FromSeconds(1), $"more than 50 in a second at send {i}");
            Assert.True(sentAt[i] - sentAt[i - 10] >= TimeSpan.FromSeconds(0.2), $"more than 10 in a fifth of a second at send {i}");
        }

        // 500 in 50 bursts of ten, a stretched fifth of a second apart.
        Assert.Equal(TimeSpan.FromTicks(2_060_000 * 49), sentAt[^1] - sentAt[0]);
    }

    [Fact]
    public void Reserve_AfterTheWindowPasses_GoesAtOnceAgain()
    {
        var limiter = new SlidingWindowLimiter(TeamsSendPacer.ConversationLimits, _clock);
        for (var i = 0; i < 7; i++)
        {
            limiter.Reserve("a:1");
        }

        _clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.Zero, limiter.Reserve("a:1"));
    }

    [Fact]
    public void Reserve_SendingAsFastAsAllowedForOverAnHour_KeepsEveryWindow()
    {
        var limiter = new SlidingWindowLimiter(TeamsSendPacer.ConversationLimits, _clock);
        var start = _clock.GetUtcNow();
        var sentAt = new List<DateTimeOffset>();

        for (var i = 0; i < 1850; i++)
        {
            _clock.Advance(limiter.Reserve("a:1"));
            sentAt.Add(_clock.GetUtcNow());
        }

        foreach (var window in TeamsSendPacer.ConversationLimits)
        {
            for (var i = window.Limit; i < sentAt.Count; i++)
            {
                Assert.True(sentAt[i] - sentAt[i - window.Limit] >= window.Period, $"{window.Limit} per {window.Period} broken at send {i}");
            }
        }

        // At 60 per 30 s the first 1,800 take about 15 minutes; the 1,801st must wait for the first to be an hour old
        // (the published windows, each 3% longer for margin).
        Assert.Equal(start + TimeSpan.FromHours(1.03), sentAt[1800]);
    }

    [Fact]
    public void Constructor_WindowWithZeroLimit_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SlidingWindowLimiter([new RateWindow(0, TimeSpan.FromSeconds(1))], _clock));
    }
}
