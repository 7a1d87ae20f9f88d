using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using FeedbackBot.Core.People;
using FeedbackBot.Testing.Teams;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Adapters.Teams;

/// <summary>How /api/messages copes with Teams' redeliveries, the Connector's throttling, and older clients' card submits.</summary>
public sealed class TeamsDeliveryTests
{
    [Fact]
    public async Task Message_RedeliveredWithTheSameId_IsAnsweredOnce()
    {
        await using var rig = await TeamsRig.StartAsync();

        for (var i = 0; i < 3; i++)
        {
            var response = await rig.PostAsync(rig.Message("m-dup", "help"), rig.Token());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Single(rig.Connector.Requests);
        await rig.PostAsync(rig.Message("m-next", "help"), rig.Token());
        Assert.Equal(2, rig.Connector.Requests.Count);
    }

    [Fact]
    public async Task Message_ReplyFailedTheFirstTime_RedeliveryIsAnswered()
    {
        await using var rig = await TeamsRig.StartAsync();
        // A 400 is not retried by the Connector client, so the first delivery fails outright.
        rig.Connector.Enqueue(new ScriptedResponse(400, """{"error":{"code":"BadArgument","message":"try again"}}"""));

        var failed = await rig.PostAsync(rig.Message("m-1", "help"), rig.Token());
        var redelivered = await rig.PostAsync(rig.Message("m-1", "help"), rig.Token());

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal(2, rig.Connector.Requests.Count);
        Assert.All(rig.Connector.Requests, r => Assert.EndsWith("/activities/m-1", r.RawTarget, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Message_ConnectorThrottles_ReplyIsSentAfterRetryAfter()
    {
        await using var rig = await TeamsRig.StartAsync();
        rig.Connector.Enqueue(new ScriptedResponse(429, "", ("Retry-After", "1")));

        var clock = Stopwatch.StartNew();
        var response = await rig.PostAsync(rig.Message("m-1", "help"), rig.Token());
        clock.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, rig.Connector.Requests.Count);
        Assert.Equal(rig.Connector.Requests[0].Body, rig.Connector.Requests[1].Body);
        // Only a lower bound: the retry cannot have come sooner than the Connector allowed.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950), $"retried after {clock.Elapsed}");
    }

    [Fact]
    public async Task SubmitMessage_PulseCardFromAnOlderClient_UpdatesThatCardToTheThanks()
    {
        await using var rig = await TeamsRig.StartAsync();
        var card = await rig.StartStaffPulseAsync();
        var data = card["actions"]![0]!["fallback"]?["data"] ?? card["actions"]![0]!["data"]!;
        var value = data.DeepClone().AsObject();
        value["_verb"] = "survey.submit";
        foreach (var (name, answer) in new[] { ("responsiveness", "4"), ("reliability", "4"), ("empathy", "5"), ("resolution", "3"), ("communication", "4"), ("enps", "9"), ("comment", "Quieter floor, please.") })
        {
            value[name] = answer;
        }

        var submit = rig.Activity("message", "m-submit", new JsonObject { ["value"] = value, ["replyToId"] = "card-7" });
        var before = rig.Connector.Requests.Count;
        var response = await rig.PostAsync(submit, rig.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var update = Assert.Single(rig.Connector.Requests.Skip(before));
        Assert.Equal("PUT", update.Method);
        Assert.Equal("/emea/v3/conversations/a%3Aconv-1/activities/card-7", update.RawTarget);
        Assert.Contains("Quieter floor, please.", update.Body, StringComparison.Ordinal);
        Assert.Equal(1, await rig.CountResponsesAsync());
    }

    [Fact]
    public async Task Role_AdminMentionsAColleague_TheMentionedPersonBecomesManager()
    {
        await using var rig = await TeamsRig.StartAsync();
        await rig.PostAsync(rig.Message("m-1", "help"), rig.Token());
        // Two people share a display name; only the mention's id tells them apart.
        await using (var db = rig.Database.CreateContext())
        {
            var tenant = await db.Tenants.SingleAsync();
            foreach (var id in new[] { "29:jo-a", "29:jo-b" })
            {
                db.People.Add(new Data.Entities.Person { Id = Guid.NewGuid(), TenantId = tenant.Id, ChannelUserId = id, DisplayName = "Jo Lee", Role = PersonRole.Staff, CreatedAt = DateTime.UtcNow });
            }

            await db.SaveChangesAsync();
        }

        var message = rig.Activity("message", "m-2", new JsonObject
        {
            ["text"] = "<at>FeedbackBot</at> role <at>Jo Lee</at> manager",
            ["entities"] = new JsonArray
            {
                Mention("28:" + FakeBotFrameworkIdentity.AppId, "FeedbackBot"),
                Mention("29:jo-b", "Jo Lee"),
            },
        });
        var response = await rig.PostAsync(message, rig.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is now a manager", rig.Connector.Requests[^1].Body, StringComparison.Ordinal);
        await using var check = rig.Database.CreateContext();
        var roles = await check.People.Where(p => p.DisplayName == "Jo Lee").ToDictionaryAsync(p => p.ChannelUserId!, p => p.Role);
        Assert.Equal(PersonRole.Staff, roles["29:jo-a"]);
        Assert.Equal(PersonRole.Manager, roles["29:jo-b"]);
    }

    [Fact]
    public async Task Role_MentionedColleagueNeverSpokeToTheBot_IsAddedAsManager()
    {
        await using var rig = await TeamsRig.StartAsync();
        await rig.PostAsync(rig.Message("m-1", "help"), rig.Token());

        var message = rig.Activity("message", "m-2", new JsonObject
        {
            ["text"] = "role <at>Kim Park</at> manager",
            ["entities"] = new JsonArray { Mention("29:kim", "Kim Park") },
        });
        await rig.PostAsync(message, rig.Token());

        await using var db = rig.Database.CreateContext();
        var kim = await db.People.SingleAsync(p => p.ChannelUserId == "29:kim");
        Assert.Equal(PersonRole.Manager, kim.Role);
        Assert.Equal("Kim Park", kim.DisplayName);
    }

    [Fact]
    public async Task Role_StaffMentionsSomeone_IsRefusedAndNothingChanges()
    {
        await using var rig = await TeamsRig.StartAsync();
        await rig.PostAsync(rig.Message("m-1", "help"), rig.Token());
        var fromStaff = rig.Activity("message", "m-2", new JsonObject
        {
            ["from"] = new JsonObject { ["id"] = "29:staff", ["name"] = "Sol Staff" },
            ["text"] = "role <at>Sol Staff</at> manager",
            ["entities"] = new JsonArray { Mention("29:staff", "Sol Staff") },
        });

        await rig.PostAsync(fromStaff, rig.Token());

        Assert.Contains("Only an admin", rig.Connector.Requests[^1].Body, StringComparison.Ordinal);
        await using var db = rig.Database.CreateContext();
        Assert.Equal(PersonRole.Staff, (await db.People.SingleAsync(p => p.ChannelUserId == "29:staff")).Role);
    }

    private static JsonObject Mention(string id, string name) => new()
    {
        ["type"] = "mention",
        ["text"] = $"<at>{name}</at>",
        ["mentioned"] = new JsonObject { ["id"] = id, ["name"] = name },
    };
}
