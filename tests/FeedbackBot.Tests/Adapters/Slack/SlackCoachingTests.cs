using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Testing.Slack;
using FeedbackBot.Tests.Support;

namespace FeedbackBot.Tests.Adapters.Slack;

/// <summary>
/// QA in Slack against the fake Web API: the scorecard comes as a message whose button opens a modal, the saved
/// evaluation reaches the agent's direct message with an Answer button, and the agent's answer reaches the manager.
/// </summary>
public sealed class SlackCoachingTests
{
    [Fact]
    public async Task QaScore_ManagerScoresInAModal_AgentAnswersInAModal_ManagerIsSentTheAnswer()
    {
        await using var rig = await SlackRig.StartAsync();
        await rig.CommandAsync(SlackRig.AdminId, "help");
        await rig.WaitForCallAsync("response_url");
        await rig.CommandAsync(SlackRig.StaffId, "help");
        await rig.WaitForCallAsync("response_url", count: 2);
        var plan = Path.Combine(RepositoryPaths.ExamplePlans, "customer-experience.yaml");
        Assert.Equal(0, (await CliRun.RunAsync(rig.Settings, ["plans", "apply", "--tenant", "slack:" + SlackRig.TeamId, plan])).ExitCode);

        await rig.CommandAsync(SlackRig.AdminId, $"qa score <@{SlackRig.StaffId}> phone-call");
        var message = (await rig.WaitForCallAsync("response_url", c => c.Body.ToJsonString().Contains(Verbs.OpenScorecard, StringComparison.Ordinal))).Body;
        Assert.NotEqual("in_channel", (string?)message["response_type"]);
        await rig.InteractionAsync(Press(SlackRig.AdminId, "C0GENERAL1", Button(message, Verbs.OpenScorecard), "trigger-score-1"));
        var view = (await rig.WaitForCallAsync("views.open")).Body["view"]!.AsObject();
        Assert.Equal(Verbs.ScoreInteraction, (string?)view["callback_id"]);

        var incomplete = await rig.InteractionAsync(Submit(SlackRig.AdminId, view, new() { ["interaction"] = Typed("CALL-50101") }));
        var errors = JsonNode.Parse(await incomplete.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", (string?)errors["response_action"]);
        Assert.NotNull(errors["errors"]!["went_well"]);
        Assert.Equal(0, await rig.CountAsync(db => db.Evaluations));

        var scored = await rig.InteractionAsync(Submit(SlackRig.AdminId, view, new()
        {
            ["interaction"] = Typed("CALL-50101"),
            ["channel"] = Chosen("phone"),
            ["interaction_date"] = Typed(DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ["purpose"] = Chosen("feedback"),
            ["c.greeting"] = Chosen("yes"),
            ["c.identity_checked"] = Chosen("no"),
            ["c.listened"] = Chosen("4"),
            ["c.resolved"] = Chosen("yes"),
            ["c.hold_explained"] = Chosen("na"),
            ["went_well"] = Typed("Friendly & patient"),
            ["to_improve"] = Typed("Check the caller's identity first: <always>"),
        }));
        Assert.Equal(HttpStatusCode.OK, scored.StatusCode);
        Assert.Equal(string.Empty, await scored.Content.ReadAsStringAsync());
        Assert.Equal(1, await rig.CountAsync(db => db.Evaluations.Where(e => e.CriticalFail && e.Score == 0)));

        var toSam = await rig.WaitForCallAsync("chat.postMessage", c => c.Body.ToJsonString().Contains(Verbs.OpenEvaluationResponse, StringComparison.Ordinal));
        var samDm = toSam.Field("channel")!;
        Assert.Contains("a critical criterion was missed", toSam.Body.ToJsonString(), StringComparison.Ordinal);
        // The evaluator's text reaches Slack escaped: it cannot mention anyone or become a link.
        Assert.Contains(Strings(toSam.Body["blocks"]!), t => t.Contains("&lt;always&gt;", StringComparison.Ordinal));
        Assert.DoesNotContain(Strings(toSam.Body["blocks"]!), t => t.Contains("<always>", StringComparison.Ordinal));
        await rig.InteractionAsync(Press(SlackRig.StaffId, samDm, Button(toSam.Body, Verbs.OpenEvaluationResponse), "trigger-answer-1"));
        var answerView = (await rig.WaitForCallAsync("views.open", count: 2)).Body["view"]!.AsObject();
        Assert.Equal(Verbs.RespondToEvaluation, (string?)answerView["callback_id"]);

        var answered = await rig.InteractionAsync(Submit(SlackRig.StaffId, answerView, new()
        {
            ["response"] = Chosen("discuss"),
            ["reason"] = Typed("The caller was already verified by the IVR."),
        }));

        Assert.Equal(string.Empty, await answered.Content.ReadAsStringAsync());
        var toManager = await rig.WaitForCallAsync("chat.postMessage", c => c.Body.ToJsonString().Contains("would like to discuss your evaluation", StringComparison.Ordinal));
        Assert.NotEqual(samDm, toManager.Field("channel"));
        Assert.Contains("already verified by the IVR", toManager.Body.ToJsonString(), StringComparison.Ordinal);
    }

    private static IEnumerable<string> Strings(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : Strings(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : Strings(n)),
        JsonValue v when v.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    private static JsonNode Button(JsonNode message, string actionId) =>
        message["blocks"]!.AsArray().SelectMany(b => b!["elements"]?.AsArray() ?? []).Single(e => (string?)e!["action_id"] == actionId)!;

    private static JsonObject Press(string user, string channel, JsonNode button, string triggerId) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = user, ["username"] = "someone", ["name"] = "someone", ["team_id"] = SlackRig.TeamId },
        ["api_app_id"] = FakeSlackWebApi.AppId,
        ["team"] = new JsonObject { ["id"] = SlackRig.TeamId, ["domain"] = "example" },
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1732540000.000900", ["channel_id"] = channel, ["is_ephemeral"] = false },
        ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "directmessage" },
        ["trigger_id"] = triggerId,
        ["actions"] = new JsonArray
        {
            new JsonObject
            {
                ["action_id"] = (string?)button["action_id"],
                ["block_id"] = "_survey",
                ["type"] = "button",
                ["value"] = (string?)button["value"],
                ["action_ts"] = "1732540001.000900",
            },
        },
    };

    private static JsonObject Submit(string user, JsonObject view, Dictionary<string, JsonObject> answers)
    {
        var values = new JsonObject();
        foreach (var (input, state) in answers)
        {
            values[input] = new JsonObject { ["answer"] = state };
        }

        return new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = SlackRig.TeamId, ["domain"] = "example" },
            ["user"] = new JsonObject { ["id"] = user, ["username"] = "someone", ["name"] = "someone", ["team_id"] = SlackRig.TeamId },
            ["api_app_id"] = FakeSlackWebApi.AppId,
            ["trigger_id"] = "trigger-submit",
            ["view"] = new JsonObject
            {
                ["id"] = "V0QA" + Guid.NewGuid().ToString("N")[..6],
                ["type"] = "modal",
                ["callback_id"] = (string?)view["callback_id"],
                ["private_metadata"] = (string?)view["private_metadata"],
                ["hash"] = "1732540002.abcdef",
                ["state"] = new JsonObject { ["values"] = values },
            },
        };
    }

    private static JsonObject Typed(string value) => new() { ["type"] = "plain_text_input", ["value"] = value };

    private static JsonObject Chosen(string value) => new()
    {
        ["type"] = "radio_buttons",
        ["selected_option"] = new JsonObject { ["value"] = value, ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = value } },
    };
}
