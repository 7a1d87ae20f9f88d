using System.Net;
using System.Text.Json.Nodes;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Adapters.Slack;

/// <summary>The conversations end to end over Slack's HTTP endpoints, against a fake Slack Web API on loopback.</summary>
public sealed class SlackConversationTests
{
    [Fact]
    public async Task Pulse_SlashCommandButtonModalSubmittedThreeTimes_StoresOneAnswerAndThanksInPlace()
    {
        await using var rig = await SlackRig.StartAsync();
        var (channel, message) = await SendStaffPulseAsync(rig);

        // The Answer button opens the modal with one input per question.
        var button = message["blocks"]!.AsArray().SelectMany(b => b!["elements"]?.AsArray() ?? []).Single(e => (string?)e!["action_id"] == Verbs.OpenSurvey)!;
        var open = await rig.InteractionAsync(BlockActions(channel, "1732540000.000200", button, triggerId: "trigger-open-1"));
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        var opened = await rig.WaitForCallAsync("views.open");
        Assert.Equal("trigger-open-1", opened.Field("trigger_id"));
        var view = opened.Body["view"]!.AsObject();
        Assert.Equal("modal", (string?)view["type"]);
        var inputs = view["blocks"]!.AsArray().Where(b => (string?)b!["type"] == "input").ToList();
        Assert.Equal(7, inputs.Count);

        var submission = ViewSubmission(view, new Dictionary<string, JsonObject>
        {
            ["responsiveness"] = Selected("4"),
            ["reliability"] = Selected("4"),
            ["empathy"] = Selected("5"),
            ["resolution"] = Selected("3"),
            ["communication"] = Selected("4"),
            ["enps"] = Selected("9"),
            ["comment"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "More time for complex calls." },
        });
        for (var i = 0; i < 3; i++)
        {
            var response = await rig.InteractionAsync(submission);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(1, await rig.CountAsync(db => db.Responses));
        var thanks = await rig.WaitForCallAsync("chat.update", c => c.Field("channel") == channel && c.Field("ts") == "1732540000.000200");
        Assert.Contains("More time for complex calls.", thanks.Body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyPulses_SlashCommandBeforeAndAfterAnswering_ShowsThePulseThenNone()
    {
        await using var rig = await SlackRig.StartAsync();
        var (channel, message) = await SendStaffPulseAsync(rig);

        await rig.CommandAsync(SlackRig.StaffId, "my pulses");

        var pending = await rig.WaitForCallAsync("response_url", c => c.Body.ToJsonString().Contains(Verbs.OpenSurvey, StringComparison.Ordinal));
        Assert.Contains("Staff pulse", pending.Body.ToJsonString(), StringComparison.Ordinal);

        var button = message["blocks"]!.AsArray().SelectMany(b => b!["elements"]?.AsArray() ?? []).Single(e => (string?)e!["action_id"] == Verbs.OpenSurvey)!;
        await rig.InteractionAsync(BlockActions(channel, "1732540000.000200", button, triggerId: "trigger-open-3"));
        var view = (await rig.WaitForCallAsync("views.open")).Body["view"]!.AsObject();
        var answered = await rig.InteractionAsync(ViewSubmission(view, new Dictionary<string, JsonObject>
        {
            ["responsiveness"] = Selected("4"),
            ["reliability"] = Selected("4"),
            ["empathy"] = Selected("5"),
            ["resolution"] = Selected("3"),
            ["communication"] = Selected("4"),
        }));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(1, await rig.CountAsync(db => db.Responses));

        await rig.CommandAsync(SlackRig.StaffId, "pending");

        await rig.WaitForCallAsync("response_url", c => c.Body.ToJsonString().Contains("You have no open pulses.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pulse_SubmittedWithoutARequiredAnswer_ModalShowsTheErrorAndNothingIsStored()
    {
        await using var rig = await SlackRig.StartAsync();
        var (channel, message) = await SendStaffPulseAsync(rig);
        var button = message["blocks"]!.AsArray().SelectMany(b => b!["elements"]?.AsArray() ?? []).Single(e => (string?)e!["action_id"] == Verbs.OpenSurvey)!;
        await rig.InteractionAsync(BlockActions(channel, "1732540000.000200", button, triggerId: "trigger-open-2"));
        var view = (await rig.WaitForCallAsync("views.open")).Body["view"]!.AsObject();

        var response = await rig.InteractionAsync(ViewSubmission(view, new Dictionary<string, JsonObject> { ["enps"] = Selected("9") }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", (string?)answer["response_action"]);
        Assert.NotNull(answer["errors"]!["responsiveness"]);
        Assert.Equal(0, await rig.CountAsync(db => db.Responses));
    }

    [Fact]
    public async Task Review_ManagerAsksForIt_SummaryIsPostedToTheChannelWithBlockKit()
    {
        await using var rig = await SlackRig.StartAsync();
        await rig.CommandAsync(SlackRig.AdminId, "help");
        await rig.WaitForCallAsync("response_url");
        await CreateStaffReviewAsync(rig);

        await rig.CommandAsync(SlackRig.AdminId, "review staff-pulse");

        var posted = await rig.WaitForCallAsync("response_url", c => c.Body.ToJsonString().Contains("Staff pulse", StringComparison.OrdinalIgnoreCase), count: 1);
        Assert.Equal("in_channel", posted.Field("response_type"));
        var text = posted.Body.ToJsonString();
        Assert.Contains("reviews/", text, StringComparison.Ordinal);
        Assert.True(posted.Body["blocks"]!.AsArray().Count <= 50);
    }

    [Fact]
    public async Task Review_AnotherWorkspaceAsks_SeesNothingOfThisOne()
    {
        await using var rig = await SlackRig.StartAsync();
        await rig.CommandAsync(SlackRig.AdminId, "help");
        await rig.WaitForCallAsync("response_url");
        await CreateStaffReviewAsync(rig);

        var fields = new Dictionary<string, string>
        {
            ["team_id"] = "T0OTHER001",
            ["channel_id"] = "C0ELSEWHERE",
            ["user_id"] = "U0OTHER001",
            ["user_name"] = "olga",
            ["command"] = "/feedback",
            ["text"] = "review staff-pulse",
            ["response_url"] = rig.Slack.ResponseUrl("other-workspace"),
            ["trigger_id"] = "trigger-other",
        };
        await rig.PostSignedAsync("/slack/commands", SlackRig.Form(fields), "application/x-www-form-urlencoded");

        var answer = await rig.WaitForCallAsync("response_url", c => c.Body.ToJsonString().Contains("staff-pulse", StringComparison.Ordinal) && !c.Body.ToJsonString().Contains("What I can do", StringComparison.Ordinal) && c.Field("response_type") != "in_channel");
        Assert.Contains("There is no plan", answer.Body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_SameEventRedeliveredThreeTimes_IsAnsweredOnce()
    {
        await using var rig = await SlackRig.StartAsync();
        var mention = SlackRig.AppMention("Ev0DUPLICATE", SlackRig.AdminId, "<@U0BOTUSER> help");

        for (var i = 0; i < 3; i++)
        {
            var response = await rig.EventAsync(mention, h =>
            {
                if (i > 0)
                {
                    h.Add("X-Slack-Retry-Num", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    h.Add("X-Slack-Retry-Reason", "http_timeout");
                }
            });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var reply = await rig.WaitForCallAsync("chat.postMessage");
        Assert.Equal("C0GENERAL1", reply.Field("channel"));
        Assert.Equal("1732540000.000100", reply.Field("thread_ts"));
        Assert.Equal("Bearer " + SlackRig.BotToken, "Bearer " + reply.Token);
        // The redeliveries were recognised before they were acknowledged, so the one entry is all the work there is;
        // once it is processed, its reply has been sent and no other can follow.
        Assert.Equal(1, await rig.WaitUntilInboxSettledAsync());
        Assert.Single(rig.Slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task Events_WebApiThrottles_ReplyIsPostedAfterRetryAfter()
    {
        await using var rig = await SlackRig.StartAsync();
        rig.Slack.ThrottleNext("chat.postMessage", 1, retryAfterSeconds: 1);

        await rig.EventAsync(SlackRig.AppMention("Ev0THROTTLE", SlackRig.AdminId, "<@U0BOTUSER> help"));

        var delivered = await rig.WaitForCallAsync("chat.postMessage", count: 2);
        var first = rig.Slack.CallsTo("chat.postMessage")[0];
        Assert.True(delivered.At - first.At >= TimeSpan.FromMilliseconds(950), $"retried after {delivered.At - first.At}");
    }

    [Fact]
    public async Task Events_BotsOwnMessage_IsIgnored()
    {
        await using var rig = await SlackRig.StartAsync();
        var own = SlackRig.AppMention("Ev0OWN", SlackRig.AdminId, "help");
        own["event"]!["type"] = "message";
        own["event"]!["channel_type"] = "im";
        own["event"]!["bot_id"] = "B0FEEDBACK";

        var response = await rig.EventAsync(own);

        // Work is written to the inbox before the acknowledgement; acknowledged with the inbox empty, the event left
        // nothing to do later that could post a reply.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await rig.CountAsync(db => db.Inbox));
        Assert.Empty(rig.Slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task Role_AdminMentionsAColleague_TheyBecomeManager()
    {
        await using var rig = await SlackRig.StartAsync();
        await rig.CommandAsync(SlackRig.AdminId, "help");
        await rig.WaitForCallAsync("response_url");

        await rig.CommandAsync(SlackRig.AdminId, $"role <@{SlackRig.StaffId}|sam> manager");

        var answer = await rig.WaitForCallAsync("response_url", count: 2);
        Assert.Contains("is now a manager", answer.Body.ToJsonString(), StringComparison.Ordinal);
        await using var db = rig.Database.CreateContext();
        Assert.Equal(Core.People.PersonRole.Manager, (await db.People.SingleAsync(p => p.ChannelUserId == SlackRig.StaffId)).Role);
    }

    /// <summary>Admin and staff say hello (so both have a direct message with the bot), the admin applies and starts the staff pulse.</summary>
    internal static async Task<(string Channel, JsonObject Message)> SendStaffPulseAsync(SlackRig rig)
    {
        await rig.CommandAsync(SlackRig.AdminId, "help");
        await rig.WaitForCallAsync("response_url");
        await rig.CommandAsync(SlackRig.StaffId, "help");
        await rig.WaitForCallAsync("response_url", count: 2);
        var plans = await CliRun.RunAsync(rig.Settings, ["plans", "apply", "--tenant", "slack:" + SlackRig.TeamId, Path.Combine(RepositoryPaths.ExamplePlans, "staff-pulse.yaml")]);
        Assert.Equal(0, plans.ExitCode);

        await rig.CommandAsync(SlackRig.AdminId, "pulse staff-pulse");

        var sent = await rig.WaitForCallAsync("response_url", c => c.Body.ToJsonString().Contains("Started the", StringComparison.Ordinal));
        Assert.Contains("invited 2 people", sent.Body.ToJsonString(), StringComparison.Ordinal);
        await using var db = rig.Database.CreateContext();
        var channel = await (from r in db.ConversationReferences
                             join p in db.People on r.PersonId equals p.Id
                             where p.ChannelUserId == SlackRig.StaffId
                             select r.ConversationId).SingleAsync();
        var message = (await rig.WaitForCallAsync("chat.postMessage", c => c.Field("channel") == channel)).Body;
        return (channel, message);
    }

    private static async Task CreateStaffReviewAsync(SlackRig rig)
    {
        var tenant = "slack:" + SlackRig.TeamId;
        var data = Path.Combine(RepositoryPaths.ExamplePlans, "..", "data", "staff-pulse", "responses-2026-10-12.csv");
        Assert.Equal(0, (await CliRun.RunAsync(rig.Settings, ["plans", "apply", "--tenant", tenant, Path.Combine(RepositoryPaths.ExamplePlans, "staff-pulse.yaml")])).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(rig.Settings, ["import", "responses", data, "--plan", "staff-pulse", "--cycle", "2026-10-12..2026-10-16", "--tenant", tenant])).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(rig.Settings, ["review", "--plan", "staff-pulse", "--cycle", "2026-10-12..2026-10-16", "--format", "json", "--tenant", tenant, "--out", Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json")])).ExitCode);
    }

    internal static JsonObject BlockActions(string channel, string messageTs, JsonNode button, string triggerId) =>
        SlackPayloads.Press(SlackRig.StaffId, channel, messageTs, button, triggerId);

    internal static JsonObject ViewSubmission(JsonObject view, IReadOnlyDictionary<string, JsonObject> answers) =>
        SlackPayloads.Submit(SlackRig.StaffId, view, answers);

    internal static JsonObject Selected(string value) => SlackPayloads.Chosen(value, "static_select");
}
