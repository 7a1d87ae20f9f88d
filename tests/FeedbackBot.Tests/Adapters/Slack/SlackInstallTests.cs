using System.Net;
using FeedbackBot.Testing.Slack;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Adapters.Slack;

/// <summary>The OAuth install flow: the workspace's token is stored encrypted, and only a callback this browser started is taken.</summary>
public sealed class SlackInstallTests
{
    [Fact]
    public async Task Install_CallbackWithItsStateAndCookie_StoresTheTokenEncryptedAndUsesIt()
    {
        await using var rig = await StartAsync();
        var (state, cookie) = await BeginAsync(rig);

        var callback = await CallbackAsync(rig, $"code={rig.Slack.OAuthCode}&state={Uri.EscapeDataString(state)}", cookie);

        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        Assert.Contains(FakeSlackWebApi.InstalledTeamName, await callback.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var db = rig.Database.CreateContext())
        {
            var installation = await db.SlackInstallations.SingleAsync();
            Assert.Equal(FakeSlackWebApi.InstalledTeamId, installation.TeamId);
            Assert.Equal(FakeSlackWebApi.InstalledBotUserId, installation.BotUserId);
            Assert.DoesNotContain("xoxb-", installation.ProtectedBotToken, StringComparison.Ordinal);
            Assert.True(await db.DataProtectionKeys.AnyAsync());
        }

        var mention = SlackRig.AppMention("Ev0INSTALLED", "U0SOMEONE1", "<@U0BOTUSER> help");
        mention["team_id"] = FakeSlackWebApi.InstalledTeamId;
        await rig.EventAsync(mention);
        var reply = await rig.WaitForCallAsync("chat.postMessage");
        Assert.Equal("xoxb-installed-" + FakeSlackWebApi.InstalledTeamId, reply.Token);
    }

    [Fact]
    public async Task Install_CallbackWithForgedOrForeignState_Is400AndStoresNothing()
    {
        await using var rig = await StartAsync();
        var (state, cookie) = await BeginAsync(rig);
        var (otherState, _) = await BeginAsync(rig);

        var noState = await CallbackAsync(rig, $"code={rig.Slack.OAuthCode}", cookie);
        var forged = await CallbackAsync(rig, $"code={rig.Slack.OAuthCode}&state=made-up", cookie);
        var noCookie = await CallbackAsync(rig, $"code={rig.Slack.OAuthCode}&state={Uri.EscapeDataString(state)}", null);
        var otherBrowser = await CallbackAsync(rig, $"code={rig.Slack.OAuthCode}&state={Uri.EscapeDataString(otherState)}", cookie);

        Assert.All([noState, forged, noCookie, otherBrowser], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Empty(rig.Slack.CallsTo("oauth.v2.access"));
        Assert.Equal(0, await rig.CountAsync(db => db.SlackInstallations));
    }

    [Fact]
    public async Task Install_SlackRefusesTheCode_SaysSoAndStoresNothing()
    {
        await using var rig = await StartAsync();
        var (state, cookie) = await BeginAsync(rig);

        var callback = await CallbackAsync(rig, $"code=wrong-code&state={Uri.EscapeDataString(state)}", cookie);

        Assert.Equal(HttpStatusCode.BadGateway, callback.StatusCode);
        Assert.Contains("invalid_code", await callback.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await rig.CountAsync(db => db.SlackInstallations));
    }

    [Fact]
    public async Task Install_NotConfigured_Is404()
    {
        await using var rig = await SlackRig.StartAsync();

        var response = await rig.Client.GetAsync("/slack/install");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static Task<SlackRig> StartAsync() => SlackRig.StartAsync((settings, slack) =>
    {
        // A bot distributed to several workspaces has no single bot token.
        settings["Slack:BotToken"] = null;
        settings["Slack:ClientId"] = slack.ClientId;
        settings["Slack:ClientSecret"] = slack.ClientSecret;
        settings["Slack:OAuthRedirectUrl"] = "https://feedbackbot.example.com/slack/oauth/callback";
    });

    private static async Task<(string State, string Cookie)> BeginAsync(SlackRig rig)
    {
        var response = await rig.Client.GetAsync("/slack/install");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith("https://slack.com/oauth/v2/authorize?", location.AbsoluteUri, StringComparison.Ordinal);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(rig.Slack.ClientId, query["client_id"].ToString());
        Assert.Contains("commands", query["scope"].ToString(), StringComparison.Ordinal);
        var cookie = response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        return (query["state"].ToString(), cookie);
    }

    private static Task<HttpResponseMessage> CallbackAsync(SlackRig rig, string query, string? cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/slack/oauth/callback?" + query);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return rig.Client.SendAsync(request);
    }
}
