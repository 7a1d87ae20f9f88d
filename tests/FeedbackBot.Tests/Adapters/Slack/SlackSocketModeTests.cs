using System.Text.Json.Nodes;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Testing.Slack;
using FeedbackBot.Tests.Support;

namespace FeedbackBot.Tests.Adapters.Slack;

/// <summary>The same conversations over Socket Mode: the bot connects out to a WebSocket server on loopback and needs no public address.</summary>
public sealed class SlackSocketModeTests
{
    [Fact]
    public async Task SocketMode_CommandsModalAndEvents_AreAnsweredAndSurviveReconnects()
    {
        var socket = await FakeSocketModeServer.StartAsync();
        await using var _ = socket;
        await using var rig = await SlackRig.StartAsync((settings, slack) =>
        {
            // Nothing is signed over the socket, and with no signing secret the HTTP endpoints stay shut.
            settings["Slack:SigningSecret"] = null;
            settings["Slack:AppToken"] = "xapp-1-A0FEEDBACK-1-socket";
            slack.SocketMode = socket;
        });
        await socket.WaitForConnectionsAsync(1, TimeSpan.FromSeconds(15));

        await CommandAsync(socket, rig, SlackRig.AdminId, "help");
        var help = await rig.WaitForCallAsync("response_url");
        Assert.Contains("/feedback", help.Body.ToJsonString(), StringComparison.Ordinal);
        await CommandAsync(socket, rig, SlackRig.StaffId, "help");
        await rig.WaitForCallAsync("response_url", count: 2);
        Assert.Equal(0, (await CliRun.RunAsync(rig.Settings, ["plans", "apply", "--tenant", "slack:" + SlackRig.TeamId, Path.Combine(RepositoryPaths.ExamplePlans, "staff-pulse.yaml")])).ExitCode);
        await CommandAsync(socket, rig, SlackRig.AdminId, "pulse staff-pulse");
        await rig.WaitForCallAsync("response_url", c => c.Body.ToJsonString().Contains("Started the", StringComparison.Ordinal));
        var pulse = await rig.WaitForCallAsync("chat.postMessage", count: 2);
        var hidden = (string?)pulse.Body["blocks"]!.AsArray().SelectMany(b => b!["elements"]?.AsArray() ?? []).Single(e => (string?)e!["action_id"] == Verbs.OpenSurvey)!["value"];

        // A modal submitted over the socket gets its validation errors back in the ack.
        var submission = await socket.SendEnvelopeAsync("interactive", new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = SlackRig.TeamId },
            ["user"] = new JsonObject { ["id"] = SlackRig.StaffId, ["name"] = "sam", ["team_id"] = SlackRig.TeamId },
            ["view"] = new JsonObject
            {
                ["id"] = "V0SOCKET01",
                ["callback_id"] = Verbs.SubmitSurvey,
                ["private_metadata"] = hidden,
                ["state"] = new JsonObject { ["values"] = new JsonObject { ["enps"] = new JsonObject { ["answer"] = new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = "8" } } } } },
            },
        }, acceptsResponsePayload: true);
        var ack = await socket.WaitForAckAsync(submission, TimeSpan.FromSeconds(10));
        Assert.Equal("errors", (string?)ack["payload"]?["response_action"]);
        Assert.NotNull(ack["payload"]!["errors"]!["responsiveness"]);

        // The valid answers, delivered three times over the socket: stored once, and the pulse message thanks.
        var metadata = System.Text.Json.Nodes.JsonNode.Parse(hidden!)!.AsObject();
        metadata["_channel"] = pulse.Field("channel");
        metadata["_ts"] = "1732540500.000100";
        var answers = new JsonObject();
        foreach (var (question, value) in new[] { ("responsiveness", "4"), ("reliability", "4"), ("empathy", "5"), ("resolution", "3"), ("communication", "4"), ("enps", "9") })
        {
            answers[question] = new JsonObject { ["answer"] = new JsonObject { ["type"] = "radio_buttons", ["selected_option"] = new JsonObject { ["value"] = value } } };
        }

        for (var i = 0; i < 3; i++)
        {
            var valid = await socket.SendEnvelopeAsync("interactive", new JsonObject
            {
                ["type"] = "view_submission",
                ["team"] = new JsonObject { ["id"] = SlackRig.TeamId },
                ["user"] = new JsonObject { ["id"] = SlackRig.StaffId, ["name"] = "sam", ["team_id"] = SlackRig.TeamId },
                ["view"] = new JsonObject
                {
                    ["id"] = "V0SOCKET01",
                    ["callback_id"] = Verbs.SubmitSurvey,
                    ["private_metadata"] = metadata.ToJsonString(),
                    ["state"] = new JsonObject { ["values"] = answers.DeepClone() },
                },
            }, acceptsResponsePayload: true, retryAttempt: i);
            var validAck = await socket.WaitForAckAsync(valid, TimeSpan.FromSeconds(10));
            Assert.Null(validAck["payload"]?["response_action"]);
        }

        Assert.Equal(1, await rig.CountAsync(db => db.Responses));
        await rig.WaitForCallAsync("chat.update", c => c.Field("ts") == "1732540500.000100");

        await socket.SendDisconnectAsync();
        await socket.WaitForConnectionsAsync(2, TimeSpan.FromSeconds(15));
        var mention = await socket.SendEnvelopeAsync("events_api", SlackRig.AppMention("Ev0SOCKET", SlackRig.AdminId, "<@U0BOTUSER> help"));
        await socket.WaitForAckAsync(mention, TimeSpan.FromSeconds(10));
        await rig.WaitForCallAsync("chat.postMessage", c => c.Field("channel") == "C0GENERAL1");

        socket.DropConnection();
        await socket.WaitForConnectionsAsync(3, TimeSpan.FromSeconds(30));
        var again = await socket.SendEnvelopeAsync("events_api", SlackRig.AppMention("Ev0AFTERDROP", SlackRig.AdminId, "<@U0BOTUSER> help"));
        await socket.WaitForAckAsync(again, TimeSpan.FromSeconds(10));
        await rig.WaitForCallAsync("chat.postMessage", c => c.Field("channel") == "C0GENERAL1", count: 2);
    }

    private static async Task CommandAsync(FakeSocketModeServer socket, SlackRig rig, string userId, string text)
    {
        var id = await socket.SendEnvelopeAsync("slash_commands", new JsonObject
        {
            ["team_id"] = SlackRig.TeamId,
            ["channel_id"] = "C0GENERAL1",
            ["user_id"] = userId,
            ["user_name"] = userId == SlackRig.AdminId ? "ada" : "sam",
            ["command"] = "/feedback",
            ["text"] = text,
            ["response_url"] = rig.Slack.ResponseUrl("socket-" + Guid.NewGuid().ToString("N")),
            ["trigger_id"] = "trigger-" + Guid.NewGuid().ToString("N"),
        });
        await socket.WaitForAckAsync(id, TimeSpan.FromSeconds(10));
    }
}
