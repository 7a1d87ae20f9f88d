using System.Text.Json.Nodes;
using FeedbackBot.Data;
using FeedbackBot.Infrastructure.Storage;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Adapters.Playground;
using FeedbackBot.Tests.Adapters.Slack;
using FeedbackBot.Tests.Adapters.Teams;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Tests.Conversations;

/// <summary>
/// A chat turn finds its person once, however it arrives: the adapter hands the conversation's place to the one turn
/// path, which resolves the tenant and the person, remembers the place and answers, with one write for all three.
/// Each test warms the path first (the first contact creates the tenant and the person), then counts one turn.
/// </summary>
public sealed class OneLookupPerTurnTests
{
    [Fact]
    public async Task TeamsMessage_Help_LooksThePersonUpOnce()
    {
        var activity = new DatabaseActivity();
        await using var rig = await TeamsRig.StartAsync(activity.AddTo);
        await rig.PostAsync(rig.Message("warm-up", "help"), rig.Token());
        activity.Clear();

        using var response = await rig.PostAsync(rig.Message("counted", "help"), rig.Token());

        response.EnsureSuccessStatusCode();
        Assert.Equal(1, activity.ReadsOf("people"));
        Assert.Equal(1, activity.ReadsOf("tenants"));
    }

    [Fact]
    public async Task TeamsInvoke_SecondPersonAnswersAPulse_TwoReadsAndNoSecretPlanCycleOrUnchangedConversation()
    {
        var activity = new DatabaseActivity();
        await using var rig = await TeamsRig.StartAsync(activity.AddTo);
        var data = (await rig.StartStaffPulseAsync())["actions"]![0]!["data"]!;
        // The admin's own answer warms the per-process caches (the pseudonym key, the parsed plan version).
        await rig.PostAsync(rig.Invoke("warm-up", PulseAnswer(data)), rig.Token());
        var colleague = rig.Invoke("counted", PulseAnswer(data));
        colleague["from"] = new JsonObject { ["id"] = "29:user-2", ["name"] = "Ben Staff" };
        colleague["conversation"]!["id"] = "a:conv-2";
        var hello = rig.Message("colleague-hello", "help");
        hello["from"] = colleague["from"]!.DeepClone();
        hello["conversation"]!["id"] = "a:conv-2";
        await rig.PostAsync(hello, rig.Token());
        activity.Clear();

        using var response = await rig.PostAsync(colleague, rig.Token());

        response.EnsureSuccessStatusCode();
        Assert.Equal(2, await rig.CountResponsesAsync());
        Assert.Equal(0, activity.ReadsOf("installation_secrets"));
        Assert.Equal(0, activity.ReadsOf("plan_versions") + activity.ReadsOf("plan_questions"));
        Assert.DoesNotContain(activity.Commands, c => c.Contains("UPDATE \"conversation_references\"", StringComparison.OrdinalIgnoreCase));
        // Two reads in all: who is speaking and where, then, in the transaction that stores the answer, whether the
        // cycle is open. The cycle's fixed facts come from memory; neither the earlier answer nor the invitation is read.
        Assert.Equal(2, activity.Commands.Count(c => c.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(1, activity.ReadsOf("review_cycles"));
        Assert.Equal(0, activity.ReadsOf("responses") + activity.ReadsOf("invitations"));
    }

    private static JsonObject PulseAnswer(JsonNode data) => TeamsRig.PulseSubmission(data, ("responsiveness", "4"), ("reliability", "4"), ("empathy", "5"), ("resolution", "3"), ("communication", "4"), ("enps", "9"));

    [Fact]
    public async Task SlackDirectMessage_Help_LooksThePersonUpOnceAndRemembersTheChannel()
    {
        var activity = new DatabaseActivity();
        await using var rig = await SlackRig.StartAsync(services: activity.AddTo);
        await rig.EventAsync(DirectMessage("Ev0WARM1"));
        await rig.WaitForCallAsync("chat.postMessage");
        activity.Clear();

        await rig.EventAsync(DirectMessage("Ev0COUNT1"));
        await rig.WaitForCallAsync("chat.postMessage", count: 2);

        Assert.Equal(1, activity.ReadsOf("people"));
        await using var db = rig.Database.CreateContext();
        Assert.True(await db.ConversationReferences.AnyAsync(r => r.ConversationId == "D0STAFFDM9" && r.PersonId != null));
    }

    [Fact]
    public async Task PlaygroundMessage_Help_LooksThePersonUpOnceWithOneWrite()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var activity = new DatabaseActivity();
        await using var app = await PlaygroundHost.StartAsync(
            CliRun.Settings(database), bot: null, activity.AddTo, services => services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None));
        using var client = PlaygroundHost.Client(app);
        var directLine = new DirectLineHttp(client);
        var (conversationId, token) = await directLine.StartAsync("playground:staff");
        (await directLine.PostAsync(conversationId, token, """{"type":"message","text":"help"}""")).EnsureSuccessStatusCode();
        activity.Clear();

        using var posted = await directLine.PostAsync(conversationId, token, """{"type":"message","text":"help"}""");

        posted.EnsureSuccessStatusCode();
        Assert.Equal(1, activity.ReadsOf("people"));
        // Help writes nothing of its own: the one write is the person and the conversation's place.
        Assert.Equal(1, activity.Saves);
    }

    private static JsonObject DirectMessage(string eventId)
    {
        var dm = SlackRig.AppMention(eventId, SlackRig.StaffId, "help");
        dm["event"]!["type"] = "message";
        dm["event"]!["channel"] = "D0STAFFDM9";
        dm["event"]!["channel_type"] = "im";
        return dm;
    }
}
