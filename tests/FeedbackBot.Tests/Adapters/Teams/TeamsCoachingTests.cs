using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Adapters.Teams;

/// <summary>
/// QA in Teams against the fake Connector: the manager mentions the agent, fills in the scorecard card (a Universal
/// Action), and the evaluation reaches the agent's personal chat as a card they can answer.
/// </summary>
public sealed class TeamsCoachingTests
{
    private const string Sam = "29:user-sam";

    [Fact]
    public async Task QaScore_ManagerMentionsSamAndSubmitsTheCard_SamGetsTheEvaluationPrivately()
    {
        await using var rig = await TeamsRig.StartAsync();
        await rig.PostAsync(rig.Message("hello-manager", "help"), rig.Token());
        await rig.PostAsync(AsSam(rig, rig.Message("hello-sam", "help")), rig.Token());
        var plan = Path.Combine(RepositoryPaths.ExamplePlans, "customer-experience.yaml");
        Assert.Equal(0, (await CliRun.RunAsync(rig.Settings, ["plans", "apply", "--tenant", "teams:" + TeamsRig.TenantId, plan])).ExitCode);

        var ask = rig.Message("qa-1", "qa score <at>Sam</at> phone-call");
        ask["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = Sam, ["name"] = "Sam" },
            ["text"] = "<at>Sam</at>",
        });
        await rig.PostAsync(ask, rig.Token());
        var reply = await Eventually.ThatAsync(
            () => Task.FromResult(rig.Connector.Requests.LastOrDefault(r => r.Method == "POST" && r.Body.Contains(Verbs.ScoreInteraction, StringComparison.Ordinal))),
            r => r is not null,
            "the scorecard card",
            TimeSpan.FromSeconds(30));
        var card = JsonNode.Parse(reply!.Body)!["attachments"]![0]!["content"]!;
        var data = card["actions"]![0]!["data"]!;

        var response = await rig.PostAsync(rig.Invoke("inv-qa-1", Execute(data, new()
        {
            ["interaction"] = "CALL-50101",
            ["channel"] = "phone",
            ["interaction_date"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["purpose"] = "feedback",
            ["c.greeting"] = "yes",
            ["c.identity_checked"] = "yes",
            ["c.listened"] = "5",
            ["c.resolved"] = "yes",
            ["c.hold_explained"] = "yes",
            ["went_well"] = "A model call.",
            ["to_improve"] = "Keep doing what you do.",
        })), rig.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await response.Content.ReadAsStringAsync();
        Assert.Contains("Evaluation saved", saved, StringComparison.Ordinal);
        Assert.Contains("100 of 100, passed", saved, StringComparison.Ordinal);
        var toSam = await Eventually.ThatAsync(
            () => Task.FromResult(rig.Connector.Requests.SingleOrDefault(r => r.Method == "POST" && r.RawTarget.Contains("conv-sam", StringComparison.Ordinal) && r.Body.Contains("Your evaluation from", StringComparison.Ordinal))),
            r => r is not null,
            "the evaluation in Sam's chat",
            TimeSpan.FromSeconds(30));
        Assert.Contains(Verbs.RespondToEvaluation, toSam!.Body, StringComparison.Ordinal);
        await using var db = rig.Database.CreateContext();
        Assert.Equal(1, await db.Evaluations.CountAsync());
    }

    [Fact]
    public async Task QaScore_InATeamsChannel_IsRefusedWithoutAForm()
    {
        await using var rig = await TeamsRig.StartAsync();
        await rig.PostAsync(rig.Message("hello-manager", "help"), rig.Token());
        var ask = rig.Message("qa-channel", "qa score Sam phone-call");
        ask["conversation"] = new JsonObject { ["id"] = "19:general@thread.tacv2", ["conversationType"] = "channel", ["tenantId"] = TeamsRig.TenantId };

        await rig.PostAsync(ask, rig.Token());

        var reply = await Eventually.ThatAsync(
            () => Task.FromResult(rig.Connector.Requests.LastOrDefault(r => r.Method == "POST" && r.RawTarget.Contains("general", StringComparison.Ordinal))),
            r => r is not null,
            "the reply in the channel",
            TimeSpan.FromSeconds(30));
        Assert.Contains("private chat", reply!.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(Verbs.ScoreInteraction, reply.Body, StringComparison.Ordinal);
    }

    private static JsonObject AsSam(TeamsRig rig, JsonObject activity)
    {
        activity["from"] = new JsonObject { ["id"] = Sam, ["name"] = "Sam" };
        activity["conversation"] = new JsonObject { ["id"] = "a:conv-sam", ["conversationType"] = "personal", ["tenantId"] = TeamsRig.TenantId };
        return activity;
    }

    private static JsonObject Execute(JsonNode hidden, Dictionary<string, string> inputs)
    {
        var data = new JsonObject
        {
            [Verbs.PlanField] = (string?)hidden[Verbs.PlanField],
            [Verbs.CycleField] = (string?)hidden[Verbs.CycleField],
            [Verbs.CardField] = (string?)hidden[Verbs.CardField],
        };
        foreach (var (id, value) in inputs)
        {
            data[id] = value;
        }

        return new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = Verbs.ScoreInteraction, ["data"] = data },
            ["trigger"] = "manual",
        };
    }
}
