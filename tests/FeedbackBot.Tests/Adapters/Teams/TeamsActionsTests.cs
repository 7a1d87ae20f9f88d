using System.Net;
using System.Text.Json.Nodes;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Features.Actions;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Adapters.Teams;

/// <summary>
/// The Adopt button of a review in Teams against the fake Connector: pressing it (a Universal Action) answers with the
/// adopt form as a card, and the form submitted adopts the recommendation once.
/// </summary>
public sealed class TeamsActionsTests
{
    [Fact]
    public async Task AdoptButton_AdminPressesIt_GetsTheFormAsACard_SubmitsIt_AdoptedOnce()
    {
        await using var rig = await TeamsRig.StartAsync();
        await rig.PostAsync(rig.Message("hello-admin", "help"), rig.Token());
        await CsatWeekly.ReviewAWeekAsync(rig.Settings, "teams:" + TeamsRig.TenantId);

        await rig.PostAsync(rig.Message("latest-1", "latest review csat-weekly"), rig.Token());
        var summary = await Eventually.ThatAsync(
            () => Task.FromResult(rig.Connector.Requests.LastOrDefault(r => r.Method == "POST" && r.Body.Contains(Verbs.OpenAdoption, StringComparison.Ordinal))),
            r => r is not null,
            "the review card with its Adopt button",
            TimeSpan.FromSeconds(30));
        var adopt = Buttons(JsonNode.Parse(summary!.Body)!["attachments"]![0]!["content"]!).First(b => (string?)b["verb"] == Verbs.OpenAdoption);

        var opened = await rig.PostAsync(rig.Invoke("inv-adopt-open", Execute(Verbs.OpenAdoption, adopt["data"]!, [])), rig.Token());
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var form = JsonNode.Parse(await opened.Content.ReadAsStringAsync())!["value"]!;
        var submit = form["actions"]![0]!;
        Assert.Equal(Verbs.AdoptRecommendation, (string?)submit["verb"]);

        var inputs = new Dictionary<string, string>
        {
            ["title"] = "Call back every unhappy customer within a day",
            ["owner"] = "29:user-1",
            ["due"] = "2099-01-01",
            ["cost"] = "450.50",
        };
        var adopted = await rig.PostAsync(rig.Invoke("inv-adopt-1", Execute(Verbs.AdoptRecommendation, submit["data"]!, inputs)), rig.Token());
        var again = await rig.PostAsync(rig.Invoke("inv-adopt-2", Execute(Verbs.AdoptRecommendation, submit["data"]!, inputs)), rig.Token());

        Assert.Contains("Adopted as action 1", await adopted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("adopted already as action 1", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = rig.Database.CreateContext();
        var action = await db.ImprovementActions.SingleAsync();
        Assert.Equal(("Call back every unhappy customer within a day", 450.50m, "29:user-1"), (action.Title, action.Cost!.Value, action.CreatedBy));
    }

    private static IEnumerable<JsonNode> Buttons(JsonNode node) => node switch
    {
        JsonObject o when (string?)o["type"] == "Action.Execute" => [o],
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : Buttons(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : Buttons(n)),
        _ => [],
    };

    private static JsonObject Execute(string verb, JsonNode hidden, Dictionary<string, string> inputs)
    {
        var data = hidden.DeepClone().AsObject();
        foreach (var (id, value) in inputs)
        {
            data[id] = value;
        }

        return new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
    }
}
