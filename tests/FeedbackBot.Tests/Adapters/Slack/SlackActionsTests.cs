using System.Net;
using System.Text.Json.Nodes;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Tests.Features.Actions;

namespace FeedbackBot.Tests.Adapters.Slack;

/// <summary>
/// The Adopt button of a review in Slack against the fake Web API: a manager's press opens the adopt form in a modal
/// and adopts; anyone else is told privately, and the review the channel reads stays as it was.
/// </summary>
public sealed class SlackActionsTests
{
    [Fact]
    public async Task AdoptButton_ManagerAdoptsInAModal_StaffIsToldPrivately_TheReviewMessageIsNotReplaced()
    {
        await using var rig = await SlackRig.StartAsync();
        await rig.CommandAsync(SlackRig.AdminId, "help");
        await rig.WaitForCallAsync("response_url");
        await rig.CommandAsync(SlackRig.StaffId, "help");
        await rig.WaitForCallAsync("response_url", count: 2);
        await CsatWeekly.ReviewAWeekAsync(rig.Settings, "slack:" + SlackRig.TeamId);

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

}
