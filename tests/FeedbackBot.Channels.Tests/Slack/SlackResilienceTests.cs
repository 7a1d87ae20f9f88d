using System.Net;

namespace FeedbackBot.Channels.Tests.Slack;

/// <summary>
/// The Web API client's HTTP resilience as the bot wires it: transport failures and 5xx retried, attempts bounded. A
/// retry waits for the channel's next slot (one message a second), so the fake clock runs while the call is made.
/// </summary>
public sealed class SlackResilienceTests : IAsyncLifetime
{
    private const string BotToken = SlackHarness.BotToken;

    private SlackHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await SlackHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task PostMessageAsync_ConnectionClosedByPeerOnFirstAttempt_RetriedAndPostedOnce()
    {
        _harness.Api.CloseConnectionNext("chat.postMessage", 1);

        var ts = await _harness.WithClockRunningAsync(() => _harness.Client().PostMessageAsync(BotToken, "C1", "hi"));

        Assert.False(string.IsNullOrEmpty(ts));
        Assert.Equal(2, _harness.Api.CallsTo("chat.postMessage").Count);
        Assert.Single(_harness.RetryDelays);
    }

    [Fact]
    public async Task PostMessageAsync_ServerErrorThenSuccess_RetriedWithBackoff()
    {
        _harness.Api.ServerErrorNext("chat.postMessage", 1, status: 500);

        await _harness.WithClockRunningAsync(() => _harness.Client().PostMessageAsync(BotToken, "C1", "hi"));

        Assert.Equal(2, _harness.Api.CallsTo("chat.postMessage").Count);
        var delay = Assert.Single(_harness.RetryDelays);
        Assert.InRange(delay, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task PostMessageAsync_ServerErrorEveryTime_GivesUpAfterFiveAttempts()
    {
        _harness.Api.ServerErrorNext("chat.postMessage", 5);

        var error = await Assert.ThrowsAsync<Channels.Slack.SlackApiException>(() => _harness.WithClockRunningAsync(() => _harness.Client().PostMessageAsync(BotToken, "C1", "hi")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(5, _harness.Api.CallsTo("chat.postMessage").Count);
        Assert.Equal(4, _harness.RetryDelays.Count);
    }
}
