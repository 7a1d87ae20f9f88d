using System.Text.Json.Nodes;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Testing.Slack;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Adapters.Slack;

/// <summary>The App Home tab, direct messages, and customer feedback logged from Slack.</summary>
public sealed class SlackHomeAndFeedbackTests
{
    [Fact]
    public async Task AppHome_OpenedByStaffWithAPulseWaiting_ShowsItsAnswerButtonAndNoReview()
    {
        await using var rig = await SlackRig.StartAsync();
        await rig.CommandAsync(SlackRig.AdminId, "help");
        await rig.WaitForCallAsync("response_url");
        await rig.EventAsync(HomeOpened("Ev0HOME1", SlackRig.StaffId, "D0STAFFDM1"));
        await rig.WaitForCallAsync("views.publish");
        Assert.Equal(0, (await CliRun.RunAsync(rig.Settings, ["plans", "apply", "--tenant", "slack:" + SlackRig.TeamId, Path.Combine(RepositoryPaths.ExamplePlans, "staff-pulse.yaml")])).ExitCode);
        await rig.CommandAsync(SlackRig.AdminId, "pulse staff-pulse");
        // The Home tab's event gave the bot the staff member's direct message, so the pulse went there.
        await rig.WaitForCallAsync("chat.postMessage", c => c.Field("channel") == "D0STAFFDM1");

        await rig.EventAsync(HomeOpened("Ev0HOME2", SlackRig.StaffId, "D0STAFFDM1"));

        var home = await rig.WaitForCallAsync("views.publish", count: 2);
        Assert.Equal(SlackRig.StaffId, home.Field("user_id"));
        var view = home.Body["view"]!;
        Assert.Equal("home", (string?)view["type"]);
        var text = view.ToJsonString();
        Assert.Contains(Verbs.OpenSurvey, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Latest review", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppHome_OpenedByTheAdmin_ShowsTheLatestReviewSection()
    {
        await using var rig = await SlackRig.StartAsync();

        await rig.EventAsync(HomeOpened("Ev0HOME3", SlackRig.AdminId, "D0ADMINDM1"));

        var home = await rig.WaitForCallAsync("views.publish");
        var text = home.Body["view"]!.ToJsonString();
        Assert.Contains("Latest review", text, StringComparison.Ordinal);
        Assert.Contains("There is no review yet", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DirectMessage_Help_IsAnsweredInTheDirectMessageAndRemembered()
    {
        await using var rig = await SlackRig.StartAsync();
        var dm = SlackRig.AppMention("Ev0DM1", SlackRig.StaffId, "help");
        dm["event"]!["type"] = "message";
        dm["event"]!["channel"] = "D0STAFFDM9";
        dm["event"]!["channel_type"] = "im";

        await rig.EventAsync(dm);

        var reply = await rig.WaitForCallAsync("chat.postMessage");
        Assert.Equal("D0STAFFDM9", reply.Field("channel"));
        Assert.Null(reply.Field("thread_ts"));
        await using var db = rig.Database.CreateContext();
        Assert.True(await db.ConversationReferences.AnyAsync(r => r.ConversationId == "D0STAFFDM9" && r.PersonId != null));
    }

    [Fact]
    public async Task LogFeedback_ComplaintClickedThreeTimes_StoresOneEntryAndThanksInPlace()
    {
        await using var rig = await SlackRig.StartAsync();
        await rig.CommandAsync(SlackRig.AdminId, "help");
        await rig.WaitForCallAsync("response_url");
        Assert.Equal(0, (await CliRun.RunAsync(rig.Settings, ["plans", "apply", "--tenant", "slack:" + SlackRig.TeamId, Path.Combine(RepositoryPaths.ExamplePlans, "customer-experience.yaml")])).ExitCode);

        await rig.CommandAsync(SlackRig.StaffId, "log The customer waited 40 minutes on hold & gave up");

        var prompt = await rig.WaitForCallAsync("response_url", c => c.Body.ToJsonString().Contains("praise or a complaint", StringComparison.Ordinal));
        var blocks = prompt.Body["blocks"]!.AsArray();
        var select = blocks.Select(b => b!["accessory"]).Single(a => a is not null)!;
        var feature = (string?)select["options"]![0]!["value"];
        var complaint = blocks.SelectMany(b => b!["elements"]?.AsArray() ?? []).Single(e => (string?)e!["action_id"] == "feedback.complaint")!;
        var click = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = SlackRig.StaffId, ["name"] = "sam", ["team_id"] = SlackRig.TeamId },
            ["team"] = new JsonObject { ["id"] = SlackRig.TeamId },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1732540100.000100", ["channel_id"] = "C0GENERAL1", ["is_ephemeral"] = true },
            ["channel"] = new JsonObject { ["id"] = "C0GENERAL1" },
            ["trigger_id"] = "trigger-feedback",
            ["response_url"] = rig.Slack.ResponseUrl("feedback-click"),
            ["state"] = new JsonObject
            {
                ["values"] = new JsonObject
                {
                    [(string)blocks.Single(b => b!["accessory"] is not null)!["block_id"]!] = new JsonObject
                    {
                        ["feedback.feature"] = new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = feature } },
                    },
                },
            },
            ["actions"] = new JsonArray
            {
                new JsonObject { ["action_id"] = "feedback.complaint", ["block_id"] = "_kind", ["type"] = "button", ["value"] = (string?)complaint["value"], ["action_ts"] = "1732540101.000200" },
            },
        };

        for (var i = 0; i < 3; i++)
        {
            await rig.InteractionAsync(click);
        }

        var thanks = await rig.WaitForCallAsync("response_url", c => c.Body["replace_original"]?.GetValue<bool>() == true);
        Assert.Contains("Complaint", thanks.Body.ToJsonString(), StringComparison.Ordinal);
        // The three clicks share one delivery key, so with the two commands the inbox holds three entries; once they
        // have settled, no click can still be storing a feedback entry.
        Assert.Equal(3, await rig.WaitUntilInboxSettledAsync());
        await using var db = rig.Database.CreateContext();
        var entry = await db.FeedbackEntries.SingleAsync();
        Assert.Equal("complaint", entry.Kind);
        Assert.Equal(feature, entry.Feature);
        Assert.Equal("The customer waited 40 minutes on hold & gave up", entry.Text);
    }

    private static JsonObject HomeOpened(string eventId, string userId, string channel) => new()
    {
        ["team_id"] = SlackRig.TeamId,
        ["api_app_id"] = FakeSlackWebApi.AppId,
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["event"] = new JsonObject
        {
            ["type"] = "app_home_opened",
            ["user"] = userId,
            ["channel"] = channel,
            ["tab"] = "home",
            ["event_ts"] = "1732540200.000100",
        },
    };
}
