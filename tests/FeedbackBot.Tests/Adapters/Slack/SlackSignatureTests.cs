using System.Net;
using System.Text.Json.Nodes;
using FeedbackBot.Testing.Slack;

namespace FeedbackBot.Tests.Adapters.Slack;

/// <summary>Every Slack endpoint checks the request's signature and age on the raw bytes before anything else.</summary>
public sealed class SlackSignatureTests
{
    public static TheoryData<string> Endpoints => new() { "/slack/events", "/slack/commands", "/slack/interactions" };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Post_BadlySigned_Is401AndStoresNothing(string path)
    {
        await using var rig = await SlackRig.StartAsync();
        var body = path == "/slack/events"
            ? SlackRig.AppMention("Ev1", SlackRig.AdminId, "<@U0BOTUSER> help").ToJsonString()
            : SlackRig.Form(new Dictionary<string, string> { ["team_id"] = SlackRig.TeamId, ["user_id"] = SlackRig.AdminId, ["command"] = "/feedback", ["text"] = "help", ["payload"] = "{}" });
        var type = path == "/slack/events" ? "application/json" : "application/x-www-form-urlencoded";

        // Stale only grows staler on the way to the bot; a future stamp comes nearer by the request's own time, which
        // on a loaded machine has been over a second, so it is set well beyond the window.
        var stale = await rig.PostSignedAsync(path, body, type, at: DateTimeOffset.UtcNow.AddSeconds(-301));
        var future = await rig.PostSignedAsync(path, body, type, at: DateTimeOffset.UtcNow.AddSeconds(330));
        var forged = await rig.PostSignedAsync(path, body, type, secret: "not-the-signing-secret");
        var altered = await rig.PostSignedAsync(path, body, type, headers: h =>
        {
            // Signed over one body, sent with another.
            h.Remove(SlackSignedHeaders.SignatureHeader);
            h.Add(SlackSignedHeaders.SignatureHeader, SlackSigner.Sign(SlackRig.SigningSecret, body + " ", DateTimeOffset.UtcNow).Signature);
        });
        var unsigned = await rig.PostSignedAsync(path, body, type, headers: h =>
        {
            h.Remove(SlackSignedHeaders.SignatureHeader);
            h.Remove(SlackSignedHeaders.TimestampHeader);
        });
        var garbage = await rig.PostSignedAsync(path, body, type, headers: h =>
        {
            h.Remove(SlackSignedHeaders.SignatureHeader);
            h.Add(SlackSignedHeaders.SignatureHeader, "v0=zz");
        });

        Assert.All([stale, future, forged, altered, unsigned, garbage], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        // All Slack work is answered inside the request or written to the inbox before the answer; with the responses
        // in hand and the inbox empty, there is nothing left that could call Slack later.
        Assert.Equal(0, await rig.CountAsync(db => db.Inbox));
        Assert.Empty(rig.Slack.Calls);
        Assert.Equal(0, await rig.CountAsync(db => db.Tenants));
    }

    [Fact]
    public async Task Post_SlackNotConfigured_RefusesEvenCorrectlySignedRequests()
    {
        await using var rig = await SlackRig.StartAsync((settings, _) =>
        {
            settings["Slack:SigningSecret"] = null;
            settings["Slack:BotToken"] = null;
        });

        var response = await rig.EventAsync(SlackRig.AppMention("Ev1", SlackRig.AdminId, "help"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Events_UrlVerification_AnswersTheChallenge()
    {
        await using var rig = await SlackRig.StartAsync();

        var response = await rig.EventAsync(new JsonObject { ["token"] = "x", ["challenge"] = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", ["type"] = "url_verification" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", (string?)answer["challenge"]);
    }

    [Fact]
    public async Task Commands_SslCheck_IsAcknowledgedAndDoesNothing()
    {
        await using var rig = await SlackRig.StartAsync();

        var response = await rig.PostSignedAsync("/slack/commands", "ssl_check=1&token=abc", "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await rig.CountAsync(db => db.Inbox));
    }

    [Fact]
    public async Task Interactions_SignedButNotJson_Is400AndStoresNothing()
    {
        await using var rig = await SlackRig.StartAsync();

        var response = await rig.PostSignedAsync("/slack/interactions", "payload=%7Bnot-json", "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await rig.CountAsync(db => db.Inbox));
    }
}
