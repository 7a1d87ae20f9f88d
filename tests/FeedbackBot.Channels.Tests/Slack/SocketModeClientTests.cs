using System.Text.Json.Nodes;
using FeedbackBot.Channels.Slack;
using FeedbackBot.Testing;

namespace FeedbackBot.Channels.Tests.Slack;

public sealed class SocketModeClientTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private SocketModeHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await SocketModeHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static JsonObject EventPayload(string eventId, string text) => new()
    {
        ["team_id"] = "T1",
        ["api_app_id"] = "A0FEEDBACK",
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = 1767225600,
        ["event"] = new JsonObject { ["type"] = "message", ["channel_type"] = "im", ["user"] = "U0SAM", ["text"] = text, ["channel"] = "D1", ["ts"] = "1.0" },
    };

    private static JsonObject ViewSubmissionPayload() => new()
    {
        ["type"] = "view_submission",
        ["user"] = new JsonObject { ["id"] = "U0SAM" },
        ["team"] = new JsonObject { ["id"] = "T1" },
        ["view"] = new JsonObject { ["id"] = "V1", ["callback_id"] = "survey.submit", ["state"] = new JsonObject { ["values"] = new JsonObject() } },
    };

    private async Task<SocketModeEnvelope> HandledAsync(string envelopeId) =>
        (await Eventually.ThatAsync(
            () => Task.FromResult(_harness.Handled.FirstOrDefault(e => e.EnvelopeId == envelopeId)),
            e => e is not null,
            $"{envelopeId} to be handled",
            Wait))!;

    [Fact]
    public async Task RunAsync_EventEnvelope_AckedWithItsIdAndHandedOverParseable()
    {
        _ = _harness.RunAsync();
        await _harness.Socket.WaitForConnectionsAsync(1, Wait);

        var id = await _harness.Socket.SendEnvelopeAsync(SocketModeEnvelope.EventsApi, EventPayload("Ev1", "latest review"));
        var ack = await _harness.Socket.WaitForAckAsync(id, Wait);
        var envelope = await HandledAsync(id);

        Assert.Equal(id, ack["envelope_id"]!.GetValue<string>());
        Assert.False(ack.ContainsKey("payload"));
        Assert.Equal(SlackHarness.AppToken, Assert.Single(_harness.Api.CallsTo("apps.connections.open")).Token);
        var parsed = SlackEventsParser.Parse(envelope.Payload);
        Assert.Equal("latest review", Assert.IsType<SlackEventCallback>(parsed.Value).Event.Text);
    }

    [Fact]
    public async Task RunAsync_EventHandlerStillRunning_EnvelopeAlreadyAcked()
    {
        var release = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _harness.Handler = (_, _) => release.Task;
        _ = _harness.RunAsync();
        await _harness.Socket.WaitForConnectionsAsync(1, Wait);

        var id = await _harness.Socket.SendEnvelopeAsync(SocketModeEnvelope.EventsApi, EventPayload("Ev2", "slow work"));
        var ack = await _harness.Socket.WaitForAckAsync(id, Wait);

        // The handler cannot have finished (it waits for `release`), yet the envelope is acknowledged; the handler
        // is started after the ack is sent, so it is waited for rather than expected at once.
        Assert.Equal(id, ack["envelope_id"]!.GetValue<string>());
        Assert.Equal(id, (await HandledAsync(id)).EnvelopeId);
        release.SetResult(null);
    }

    [Fact]
    public async Task RunAsync_InteractiveEnvelope_AckCarriesTheHandlersAnswer()
    {
        _harness.Handler = (_, _) => Task.FromResult<JsonNode?>(new JsonObject
        {
            ["response_action"] = "errors",
            ["errors"] = new JsonObject { ["nps"] = "Please pick a score from 0 to 10." },
        });
        _ = _harness.RunAsync();
        await _harness.Socket.WaitForConnectionsAsync(1, Wait);

        var id = await _harness.Socket.SendEnvelopeAsync(SocketModeEnvelope.Interactive, ViewSubmissionPayload(), acceptsResponsePayload: true);
        var ack = await _harness.Socket.WaitForAckAsync(id, Wait);

        Assert.Equal("errors", ack["payload"]!["response_action"]!.GetValue<string>());
        Assert.Equal("Please pick a score from 0 to 10.", ack["payload"]!["errors"]!["nps"]!.GetValue<string>());
        var envelope = await HandledAsync(id);
        Assert.IsType<SlackViewSubmission>(SlackInteractionParser.Parse(envelope.Payload).Value);
    }

    [Fact]
    public async Task RunAsync_InteractiveHandlerTooSlow_AckedWithoutItsAnswerInTime()
    {
        var release = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _harness.Handler = (_, _) => release.Task;
        _ = _harness.RunAsync(new SocketModeSettings { ResponseDeadline = TimeSpan.FromMilliseconds(100) });
        await _harness.Socket.WaitForConnectionsAsync(1, Wait);

        var id = await _harness.Socket.SendEnvelopeAsync(SocketModeEnvelope.Interactive, ViewSubmissionPayload(), acceptsResponsePayload: true);
        var ack = await _harness.Socket.WaitForAckAsync(id, Wait);

        Assert.False(ack.ContainsKey("payload"));
        Assert.Contains(_harness.Log.Lines, l => l.Contains("acknowledged without its answer", StringComparison.Ordinal));
        release.SetResult(new JsonObject { ["response_action"] = "clear" });
    }

    [Fact]
    public async Task RunAsync_AnswerNotAccepted_AckWithoutPayload()
    {
        _harness.Handler = (_, _) => Task.FromResult<JsonNode?>(new JsonObject { ["text"] = "ignored" });
        _ = _harness.RunAsync();
        await _harness.Socket.WaitForConnectionsAsync(1, Wait);

        var id = await _harness.Socket.SendEnvelopeAsync(
            SocketModeEnvelope.SlashCommands,
            new JsonObject { ["team_id"] = "T1", ["user_id"] = "U1", ["command"] = "/feedback", ["text"] = "help" },
            acceptsResponsePayload: false);
        var ack = await _harness.Socket.WaitForAckAsync(id, Wait);

        Assert.False(ack.ContainsKey("payload"));
        var envelope = await HandledAsync(id);
        Assert.Equal("help", Assert.IsType<SlackSlashCommand>(SlackSlashCommandParser.Parse(envelope.Payload).Value).Text);
    }

    [Fact]
    public async Task RunAsync_HandlerFails_EnvelopeStillAckedAndLaterOnesDelivered()
    {
        _harness.Handler = (envelope, _) => envelope.Payload.GetProperty("event_id").GetString() == "Ev-bad"
            ? throw new InvalidOperationException("handler bug")
            : Task.FromResult<JsonNode?>(null);
        _ = _harness.RunAsync();
        await _harness.Socket.WaitForConnectionsAsync(1, Wait);

        var bad = await _harness.Socket.SendEnvelopeAsync(SocketModeEnvelope.EventsApi, EventPayload("Ev-bad", "x"));
        var good = await _harness.Socket.SendEnvelopeAsync(SocketModeEnvelope.EventsApi, EventPayload("Ev-good", "y"));

        await _harness.Socket.WaitForAckAsync(bad, Wait);
        await _harness.Socket.WaitForAckAsync(good, Wait);
        await HandledAsync(good);
        Assert.Equal(1, _harness.Socket.Connections);
    }

    [Fact]
    public async Task RunAsync_EnvelopeInSeveralFrames_ReassembledIntoOne()
    {
        _ = _harness.RunAsync();
        await _harness.Socket.WaitForConnectionsAsync(1, Wait);
        var text = new string('x', 40_000);

        var id = await _harness.Socket.SendEnvelopeAsync(SocketModeEnvelope.EventsApi, EventPayload("Ev3", text), frames: 7);

        await _harness.Socket.WaitForAckAsync(id, Wait);
        var envelope = await HandledAsync(id);
        Assert.Equal(text, envelope.Payload.GetProperty("event").GetProperty("text").GetString());
    }

    [Fact]
    public async Task RunAsync_Disconnect_ReconnectsWithAFreshUrlAndKeepsDelivering()
    {
        _ = _harness.RunAsync();
        await _harness.Socket.WaitForConnectionsAsync(1, Wait);

        await _harness.Socket.SendDisconnectAsync();
        await _harness.Socket.WaitForConnectionsAsync(2, Wait);
        var id = await _harness.Socket.SendEnvelopeAsync(SocketModeEnvelope.EventsApi, EventPayload("Ev4", "after the refresh"));

        await _harness.Socket.WaitForAckAsync(id, Wait);
        Assert.Equal(2, _harness.Api.CallsTo("apps.connections.open").Count);
        Assert.Equal(2, _harness.Socket.ConnectedTickets.Distinct().Count());
        Assert.Equal(0, _harness.Socket.RefusedConnections);
        Assert.Equal("after the refresh", (await HandledAsync(id)).Payload.GetProperty("event").GetProperty("text").GetString());
    }

    [Fact]
    public async Task RunAsync_ConnectionDropped_ReconnectsAndKeepsDelivering()
    {
        _ = _harness.RunAsync();
        await _harness.Socket.WaitForConnectionsAsync(1, Wait);

        _harness.Socket.DropConnection();
        await _harness.Socket.WaitForConnectionsAsync(2, Wait);
        var id = await _harness.Socket.SendEnvelopeAsync(SocketModeEnvelope.EventsApi, EventPayload("Ev5", "after the drop"));

        await _harness.Socket.WaitForAckAsync(id, Wait);
        Assert.Equal(2, _harness.Socket.ConnectedTickets.Distinct().Count());
        Assert.Contains(_harness.Log.Lines, l => l.Contains("reconnecting in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ConnectionsOpenFailsTwice_RetriesUntilConnected()
    {
        _harness.Api.FailNext("apps.connections.open", 2, "internal_error");
        _ = _harness.RunAsync();

        await _harness.Socket.WaitForConnectionsAsync(1, Wait);

        Assert.Equal(3, _harness.Api.CallsTo("apps.connections.open").Count);
        Assert.Equal(2, _harness.Log.Lines.Count(l => l.Contains("apps.connections.open failed: internal_error", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsWithoutErrorAndDoesNotReconnect()
    {
        var running = _harness.RunAsync();
        await _harness.Socket.WaitForConnectionsAsync(1, Wait);

        await _harness.StopAsync();

        Assert.True(running.IsCompletedSuccessfully);
        // Only RunAsync's loop opens connections, and it awaits each call it makes; with it returned, no call can be
        // under way or still to come, so these counts are final.
        Assert.Equal(1, _harness.Socket.Connections);
        Assert.Single(_harness.Api.CallsTo("apps.connections.open"));
    }

    [Fact]
    public async Task RunAsync_NoAppToken_RefusesToStart()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new SlackOptions { ApiBaseUrl = _harness.Api.ApiBaseUrl });
        using var http = new HttpClient();
        var client = new SocketModeClient(
            new SlackWebApiClient(http, options, TimeProvider.System, new Teams.RecordingLogger<SlackWebApiClient>()),
            options,
            (_, _) => Task.FromResult<JsonNode?>(null),
            TimeProvider.System,
            new Teams.RecordingLogger<SocketModeClient>());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.RunAsync(CancellationToken.None));

        Assert.Contains("Slack:AppToken", error.Message, StringComparison.Ordinal);
    }
}
