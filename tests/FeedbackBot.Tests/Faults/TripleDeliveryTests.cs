using System.Net;
using System.Text.Json.Nodes;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Tests.Adapters.Slack;
using FeedbackBot.Tests.Adapters.Teams;

namespace FeedbackBot.Tests.Faults;

/// <summary>
/// The platforms retry a request they did not see answered in time, so the same request can arrive several times
/// at once. Each chat request here is delivered three times concurrently: one answer is stored, one reply goes
/// out, and every copy is acknowledged.
/// </summary>
public sealed class TripleDeliveryTests
{
    [Fact]
    public async Task TeamsInvoke_PulseSubmittedThreeTimesAtOnce_OneAnswerAndTheSameThanksForEach()
    {
        await using var rig = await TeamsRig.StartAsync();
        var data = (await rig.StartStaffPulseAsync())["actions"]![0]!["data"]!;
        var value = TeamsRig.PulseSubmission(
            data, ("responsiveness", "2"), ("reliability", "3"), ("empathy", "4"), ("resolution", "5"), ("communication", "1"), ("enps", "6"), ("comment", "Three at once."));

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => rig.PostAsync(rig.Invoke("inv-3x", value), rig.Token())));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(bodies, b => Assert.Contains("Three at once.", b, StringComparison.Ordinal));
        Assert.Equal(1, await rig.CountResponsesAsync());
    }

    [Fact]
    public async Task TeamsMessage_SameActivityThreeTimesAtOnce_AnsweredOnce()
    {
        await using var rig = await TeamsRig.StartAsync();
        (await rig.PostAsync(rig.Message("first", "help"), rig.Token())).EnsureSuccessStatusCode();
        var before = rig.Connector.Requests.Count;

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => rig.PostAsync(rig.Message("m-3x", "help"), rig.Token())));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        // The copy that won the delivery's claim replied before it answered; the others were told it was taken.
        Assert.Equal(before + 1, rig.Connector.Requests.Count);
    }

    [Fact]
    public async Task SlackViewSubmission_PulseSubmittedThreeTimesAtOnce_OneAnswerAndOneThanks()
    {
        await using var rig = await SlackRig.StartAsync();
        var (channel, message) = await SlackConversationTests.SendStaffPulseAsync(rig);
        var button = message["blocks"]!.AsArray().SelectMany(b => b!["elements"]?.AsArray() ?? []).Single(e => (string?)e!["action_id"] == Verbs.OpenSurvey)!;
        await rig.InteractionAsync(SlackConversationTests.BlockActions(channel, "1732540000.000200", button, triggerId: "trigger-3x"));
        var view = (await rig.WaitForCallAsync("views.open")).Body["view"]!.AsObject();
        var submission = SlackConversationTests.ViewSubmission(view, new Dictionary<string, JsonObject>
        {
            ["responsiveness"] = SlackConversationTests.Selected("2"),
            ["reliability"] = SlackConversationTests.Selected("3"),
            ["empathy"] = SlackConversationTests.Selected("4"),
            ["resolution"] = SlackConversationTests.Selected("5"),
            ["communication"] = SlackConversationTests.Selected("1"),
        });

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => rig.InteractionAsync(submission)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, await rig.CountAsync(db => db.Responses));
        await rig.WaitForCallAsync("chat.update", c => c.Field("channel") == channel);
    }
}
