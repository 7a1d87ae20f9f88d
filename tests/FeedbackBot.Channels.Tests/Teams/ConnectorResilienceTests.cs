using System.Diagnostics.Metrics;
using System.Net;
using FeedbackBot.Channels.BotFramework;
using FeedbackBot.Channels.Resilience;
using FeedbackBot.Channels.Teams;
using FeedbackBot.Testing.Teams;

namespace FeedbackBot.Channels.Tests.Teams;

/// <summary>
/// The Connector client's HTTP resilience as the bot wires it (IHttpClientFactory with Microsoft.Extensions.Http.Resilience):
/// transport failures retried like a 5xx, the platform's refusals that are final not retried, attempts bounded, and
/// the refusals and Retry-After waits on the <c>FeedbackBot.Channels</c> meter.
/// </summary>
public sealed class ConnectorResilienceTests : IAsyncLifetime
{
    private const string ConversationId = "a:1Resilience-personal";

    private TeamsHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await TeamsHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task SendAsync_ConnectionClosedByPeerOnFirstAttempt_RetriedAndDeliveredOnce()
    {
        _harness.Connector.Enqueue(ScriptedResponse.ConnectionClosed);

        var id = await _harness.ConnectorClient().SendAsync(_harness.Connector.ServiceUrl, ConversationId, Message("hi"));

        Assert.Equal("activity-2", id);
        Assert.Equal(2, _harness.Connector.Requests.Count);
        var delivery = Assert.Single(_harness.Connector.Deliveries);
        Assert.Equal(ConversationId, delivery.ConversationId);
        var delay = Assert.Single(_harness.RetryDelays);
        Assert.InRange(delay, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task CreateConversationAsync_ConnectionClosedByPeerOnFirstAttempt_RetriedAndReturnsTheId()
    {
        _harness.Connector.Enqueue(ScriptedResponse.ConnectionClosed);

        var id = await _harness.ConnectorClient().CreateConversationAsync(
            _harness.Connector.ServiceUrl, TeamsHarness.TenantId, "29:person", "28:bot");

        Assert.Equal("activity-2", id);
        Assert.Equal(2, _harness.Connector.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_ConnectionClosedEveryTime_GivesUpAfterFiveAttempts()
    {
        for (var i = 0; i < 5; i++)
        {
            _harness.Connector.Enqueue(ScriptedResponse.ConnectionClosed);
        }

        await Assert.ThrowsAsync<HttpRequestException>(
            () => _harness.ConnectorClient().SendAsync(_harness.Connector.ServiceUrl, ConversationId, Message("hi")));

        Assert.Equal(5, _harness.Connector.Requests.Count);
        Assert.Equal(4, _harness.RetryDelays.Count);
        Assert.Empty(_harness.Connector.Deliveries);
    }

    [Fact]
    public async Task SendAsync_FewerAttemptsConfigured_StopsThere()
    {
        for (var i = 0; i < 3; i++)
        {
            _harness.Connector.Enqueue(new ScriptedResponse(503, ""));
        }

        var client = _harness.ConnectorClient(resilience: new PlatformResilienceOptions { MaxAttempts = 2 });
        var error = await Assert.ThrowsAsync<BotConnectorException>(
            () => client.SendAsync(_harness.Connector.ServiceUrl, ConversationId, Message("hi")));

        Assert.Contains("after 2 attempts", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, _harness.Connector.Requests.Count);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    public async Task SendAsync_ClientError_NotRetried(int status)
    {
        _harness.Connector.Enqueue(new ScriptedResponse(status, """{"error":{"code":"Refused","message":"no"}}"""));

        var error = await Assert.ThrowsAsync<BotConnectorException>(
            () => _harness.ConnectorClient().SendAsync(_harness.Connector.ServiceUrl, ConversationId, Message("hi")));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Single(_harness.Connector.Requests);
        Assert.Empty(_harness.RetryDelays);
    }

    [Fact]
    public async Task SendAsync_429WithRetryAfter_RecordsTheRefusalAndTheWaitAskedFor()
    {
        var refusals = new List<(long Value, string? Platform, object? Status)>();
        var waits = new List<(double Value, string? Platform)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ChannelsMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            lock (refusals)
            {
                refusals.Add((value, Tag(tags, "platform") as string, Tag(tags, "status")));
            }
        });
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            lock (waits)
            {
                waits.Add((value, Tag(tags, "platform") as string));
            }
        });
        listener.Start();
        // An unusual wait, so that what other tests record at the same time is told apart.
        _harness.Connector.Enqueue(new ScriptedResponse(429, "", ("Retry-After", "17")));

        await _harness.ConnectorClient().SendAsync(_harness.Connector.ServiceUrl, ConversationId, Message("hi"));

        Assert.Equal([TimeSpan.FromSeconds(17)], _harness.RetryDelays);
        lock (waits)
        {
            Assert.Contains((17d, "teams"), waits);
        }

        lock (refusals)
        {
            Assert.Contains(refusals, r => r is { Value: 1, Platform: "teams", Status: 429 });
        }
    }

    private static object? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name)
            {
                return tag.Value;
            }
        }

        return null;
    }

    private static Activity Message(string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Conversation = new ConversationAccount { Id = ConversationId, TenantId = TeamsHarness.TenantId },
    };
}
