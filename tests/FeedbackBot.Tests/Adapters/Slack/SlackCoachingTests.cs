using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using FeedbackBot.Core.Conversations;
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
        await rig.InteractionAsync(SlackPayloads.Press(SlackRig.AdminId, "C0GENERAL1", "1732540000.000900", Button(message, Verbs.OpenScorecard), "trigger-score-1"));
        var view = (await rig.WaitForCallAsync("views.open")).Body["view"]!.AsObject();
        Assert.Equal(Verbs.ScoreInteraction, (string?)view["callback_id"]);

        var incomplete = await rig.InteractionAsync(SlackPayloads.Submit(SlackRig.AdminId, view, new Dictionary<string, JsonObject> { ["interaction"] = SlackPayloads.Typed("CALL-50101") }));
        var errors = JsonNode.Parse(await incomplete.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", (string?)errors["response_action"]);
        Assert.NotNull(errors["errors"]!["went_well"]);
        Assert.Equal(0, await rig.CountAsync(db => db.Evaluations));

        var scored = await rig.InteractionAsync(SlackPayloads.Submit(SlackRig.AdminId, view, new Dictionary<string, JsonObject>
        {
            ["interaction"] = SlackPayloads.Typed("CALL-50101"),
            ["channel"] = SlackPayloads.Chosen("phone"),
            ["interaction_date"] = SlackPayloads.Typed(DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ["purpose"] = SlackPayloads.Chosen("feedback"),
            ["c.greeting"] = SlackPayloads.Chosen("yes"),
            ["c.identity_checked"] = SlackPayloads.Chosen("no"),
            ["c.listened"] = SlackPayloads.Chosen("4"),
            ["c.resolved"] = SlackPayloads.Chosen("yes"),
            ["c.hold_explained"] = SlackPayloads.Chosen("na"),
            ["went_well"] = SlackPayloads.Typed("Friendly & patient"),
            ["to_improve"] = SlackPayloads.Typed("Check the caller's identity first: <always>"),
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
        await rig.InteractionAsync(SlackPayloads.Press(SlackRig.StaffId, samDm, "1732540000.000900", Button(toSam.Body, Verbs.OpenEvaluationResponse), "trigger-answer-1"));
        var answerView = (await rig.WaitForCallAsync("views.open", count: 2)).Body["view"]!.AsObject();
        Assert.Equal(Verbs.RespondToEvaluation, (string?)answerView["callback_id"]);

        var answered = await rig.InteractionAsync(SlackPayloads.Submit(SlackRig.StaffId, answerView, new Dictionary<string, JsonObject>
        {
            ["response"] = SlackPayloads.Chosen("discuss"),
            ["reason"] = SlackPayloads.Typed("The caller was already verified by the IVR."),
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
}
