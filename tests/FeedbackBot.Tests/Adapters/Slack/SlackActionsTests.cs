using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Tests.Support;

namespace FeedbackBot.Tests.Adapters.Slack;

/// <summary>
/// The Adopt button of a review in Slack against the fake Web API: a manager's press opens the adopt form in a modal
/// and adopts; anyone else is told privately, and the review the channel reads stays as it was.
/// </summary>
public sealed class SlackActionsTests
{
    private const string Plan = """
        id: csat-weekly
        name: CSAT weekly
        audiences: [customer]
        features: [service]
        questions:
          - id: satisfaction
            text: How satisfied were you?
            type: rating5
            feature: service
            required: true
        kpis:
          - id: csat
            metric: csat
            question: satisfaction
            target: 80
        minimum_group_size: 5
        """;

    [Fact]
    public async Task AdoptButton_ManagerAdoptsInAModal_StaffIsToldPrivately_TheReviewMessageIsNotReplaced()
    {
        await using var rig = await SlackRig.StartAsync();
        await rig.CommandAsync(SlackRig.AdminId, "help");
        await rig.WaitForCallAsync("response_url");
        await rig.CommandAsync(SlackRig.StaffId, "help");
        await rig.WaitForCallAsync("response_url", count: 2);
        await ReviewAsync(rig);

        await rig.CommandAsync(SlackRig.AdminId, "review csat-weekly");
        var review = (await rig.WaitForCallAsync("response_url", c => c.Body.ToJsonString().Contains(Verbs.OpenAdoption, StringComparison.Ordinal))).Body;
        var adopt = review["blocks"]!.AsArray().Select(b => b!["accessory"]).OfType<JsonObject>().First(a => (string?)a["action_id"] == Verbs.OpenAdoption);

        await rig.InteractionAsync(SlackPayloads.Press(SlackRig.StaffId, "C0GENERAL1", "1732540000.000900", adopt, "trigger-adopt-staff"));
        var refused = await rig.WaitForCallAsync("chat.postMessage", c => c.Body.ToJsonString().Contains("Only managers and admins adopt", StringComparison.Ordinal));
        Assert.NotEqual("C0GENERAL1", refused.Field("channel"));

        await rig.InteractionAsync(SlackPayloads.Press(SlackRig.AdminId, "C0GENERAL1", "1732540000.000900", adopt, "trigger-adopt-admin"));
        var view = (await rig.WaitForCallAsync("views.open")).Body["view"]!.AsObject();
        Assert.Equal(Verbs.AdoptRecommendation, (string?)view["callback_id"]);
        var submitted = await rig.InteractionAsync(SlackPayloads.Submit(SlackRig.AdminId, view, new Dictionary<string, JsonObject>
        {
            ["title"] = SlackPayloads.Typed("Call back every unhappy customer within a day"),
            ["owner"] = SlackPayloads.Typed(SlackRig.StaffId),
            ["due"] = SlackPayloads.Typed("2099-01-01"),
        }));

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal(string.Empty, await submitted.Content.ReadAsStringAsync());
        await rig.WaitForCallAsync("chat.postMessage", c => c.Body.ToJsonString().Contains("Adopted as action 1", StringComparison.Ordinal));
        Assert.Equal(1, await rig.CountAsync(db => db.ImprovementActions.Where(a => a.Title == "Call back every unhappy customer within a day" && a.Owner == SlackRig.StaffId)));
        Assert.Empty(rig.Slack.CallsTo("chat.update"));
    }

    private static async Task ReviewAsync(SlackRig rig)
    {
        using var folder = new TempFolder();
        var tenant = "slack:" + SlackRig.TeamId;
        Assert.Equal(0, (await CliRun.RunAsync(rig.Settings, ["plans", "apply", "--tenant", tenant, folder.Write("csat-weekly.yaml", Plan)])).ExitCode);
        var responses = new StringBuilder("respondent_id,submitted_at,audience,segment,duration_seconds,satisfaction\n");
        for (var i = 0; i < 40; i++)
        {
            responses.Append(CultureInfo.InvariantCulture, $"C-{i},2026-09-08T10:{i:00}:00Z,customer,north,30,{(i < 20 ? 5 : 2)}\n");
        }

        var import = await CliRun.RunAsync(rig.Settings, ["import", "responses", folder.Write("week.csv", responses.ToString()), "--plan", "csat-weekly", "--cycle", "2026-09-07..2026-09-13", "--tenant", tenant]);
        Assert.True(import.ExitCode == 0, import.Error);
        var review = await CliRun.RunAsync(rig.Settings, ["review", "--plan", "csat-weekly", "--cycle", "2026-09-07..2026-09-13", "--tenant", tenant]);
        Assert.True(review.ExitCode == 0, review.Error);
    }
}
