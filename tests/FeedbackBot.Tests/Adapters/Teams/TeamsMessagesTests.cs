using System.Net;
using FeedbackBot.Testing.Teams;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Adapters.Teams;

/// <summary>POST /api/messages end to end: real host, fakes of the Bot Framework identity, token endpoint and Connector.</summary>
public sealed class TeamsMessagesTests
{
    [Fact]
    public async Task Message_SignedHelp_ReplyArrivesAtTheConnectorWithTheBearerToken()
    {
        await using var rig = await TeamsRig.StartAsync();

        var response = await rig.PostAsync(rig.Message("m1", "<at>FeedbackBot</at> help"), rig.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(rig.Connector.Requests);
        Assert.Equal("POST", reply.Method);
        Assert.Equal("/emea/v3/conversations/a%3Aconv-1/activities/m1", reply.RawTarget);
        Assert.Equal("Bearer token-1", reply.Header("Authorization"));
        Assert.Contains("application/vnd.microsoft.card.adaptive", reply.Body, StringComparison.Ordinal);
        Assert.Single(rig.TokenEndpoint.Requests);
    }

    [Fact]
    public async Task Message_TwentyCopiesOfANewPersonsFirstMessageAtOnce_AllAnsweredOkOnePersonOneReply()
    {
        await using var rig = await TeamsRig.StartAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => rig.PostAsync(rig.Message("first-1", "help"), rig.Token())));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await using var db = rig.Database.CreateContext();
        Assert.Equal(1, await db.People.CountAsync(p => p.ChannelUserId == "29:user-1"));
        Assert.Equal(1, await db.Tenants.CountAsync());
        Assert.Single(rig.Connector.Requests, r => r.Method == "POST" && r.RawTarget.EndsWith("/activities/first-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Message_ForgedOrMissingToken_Is401AndStoresNothing()
    {
        await using var rig = await TeamsRig.StartAsync();
        var stranger = rig.Identity.CreateKey("stranger", "msteams");
        var unendorsed = rig.Identity.Publish(rig.Identity.CreateKey("unendorsed", "webchat"));
        var claims = FakeBotFrameworkIdentity.Claims(DateTimeOffset.UtcNow, rig.Connector.ServiceUrl);
        var expired = FakeBotFrameworkIdentity.Claims(DateTimeOffset.UtcNow.AddHours(-3), rig.Connector.ServiceUrl);
        var otherService = FakeBotFrameworkIdentity.Claims(DateTimeOffset.UtcNow, "https://evil.example/");
        var good = rig.Token();

        string?[] tokens =
        [
            null,
            "Bearer",
            "Basic dXNlcjpwYXNz",
            "Bearer " + FakeBotFrameworkIdentity.Sign(stranger, claims),
            "Bearer " + FakeBotFrameworkIdentity.Sign(unendorsed, claims),
            "Bearer " + FakeBotFrameworkIdentity.Sign(rig.Key, expired),
            "Bearer " + FakeBotFrameworkIdentity.Sign(rig.Key, otherService),
            good[..^4] + (good[^4] == 'A' ? "BBBB" : "AAAA"),
        ];
        foreach (var token in tokens)
        {
            var response = await rig.PostAsync(rig.Message("m1", "help"), token);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{token}: {response.StatusCode}");
        }

        Assert.Empty(rig.Connector.Requests);
        Assert.Equal(0, await rig.CountTenantsAsync());
    }

    [Fact]
    public async Task Invoke_PulseCardSubmittedThreeTimes_StoresOneAnswerAndReturnsTheSameThanks()
    {
        await using var rig = await TeamsRig.StartAsync();
        var data = (await rig.StartStaffPulseAsync())["actions"]![0]!["data"]!;
        var value = TeamsRig.PulseSubmission(data, ("responsiveness", "4"), ("reliability", "4"), ("empathy", "5"), ("resolution", "3"), ("communication", "4"), ("enps", "9"), ("comment", "More time for complex calls."));

        var bodies = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var response = await rig.PostAsync(rig.Invoke("inv-1", value), rig.Token());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.All(bodies, b => Assert.Equal(bodies[0], b));
        Assert.Contains("application/vnd.microsoft.card.adaptive", bodies[0], StringComparison.Ordinal);
        Assert.Contains("More time for complex calls.", bodies[0], StringComparison.Ordinal);
        Assert.Equal(1, await rig.CountResponsesAsync());
    }
}
