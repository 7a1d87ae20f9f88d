using FeedbackBot.Channels.Slack;
using FeedbackBot.Testing;

namespace FeedbackBot.Channels.Tests.Slack;

/// <summary>
/// A channel's messages keep a second apart as Slack times them, on arrival: a message whose answer came late is
/// counted from its answer, less the allowance a round trip is given.
/// </summary>
public sealed class SlackApiPacerTests
{
    private readonly ManualClock _clock = new();

    [Fact]
    public async Task Answered_MessageAnsweredLate_NextMessageToTheChannelWaitsASecondFromTheAnswer()
    {
        var pacer = new SlackApiPacer(_clock);
        var slot = await pacer.WaitAsync("chat.postMessage", "T1", "C1", CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(400));

        pacer.Answered(slot);
        var next = pacer.WaitAsync("chat.postMessage", "T1", "C1", CancellationToken.None);

        // Published 1 s kept 3% longer, from 30 ms before the answer: 370 ms + 1,030 ms after the first left.
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(next.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Answered_MessageAnsweredQuickly_NextMessageKeepsThePublishedPace()
    {
        var pacer = new SlackApiPacer(_clock);
        var slot = await pacer.WaitAsync("chat.postMessage", "T1", "C1", CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(20));

        pacer.Answered(slot);
        var next = pacer.WaitAsync("chat.postMessage", "T1", "C1", CancellationToken.None);

        _clock.Advance(TimeSpan.FromMilliseconds(1_009));
        Assert.False(next.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Answered_AnotherChannel_NotHeldBack()
    {
        var pacer = new SlackApiPacer(_clock);
        pacer.Answered(await pacer.WaitAsync("chat.postMessage", "T1", "C1", CancellationToken.None));

        var other = pacer.WaitAsync("chat.postMessage", "T1", "C2", CancellationToken.None);

        Assert.True(other.IsCompletedSuccessfully);
        pacer.Answered(await other);
    }
}
