using System.Net;
using System.Text.Json.Nodes;
using FeedbackBot.Infrastructure.RateLimiting;
using FeedbackBot.Tests.Adapters.Slack;
using FeedbackBot.Tests.Adapters.Teams;

namespace FeedbackBot.Tests.Infrastructure.RateLimiting;

/// <summary>Requests a minute per Teams tenant and Slack workspace, counted only once a request is authenticated.</summary>
public sealed class TenantRateLimitTests
{
    private const string OtherTenant = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

    private static readonly Dictionary<string, string?> LowLimit = new() { [InboundLimitsOptions.PerTenantKey] = "2" };

    [Fact]
    public async Task Teams_TenantOverItsAllowance_Is429WithRetryAfterAndNothingAnswered()
    {
        await using var rig = await TeamsRig.StartAsync(hostOnly: LowLimit);
        Assert.Equal(HttpStatusCode.OK, (await rig.PostAsync(rig.Message("m1", "help"), rig.Token())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await rig.PostAsync(rig.Message("m2", "help"), rig.Token())).StatusCode);

        var refused = await rig.PostAsync(rig.Message("m3", "help"), rig.Token());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.DoesNotContain(rig.Connector.Requests, r => r.RawTarget.EndsWith("/activities/m3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Teams_OneTenantOverItsAllowance_AnotherTenantAnswered()
    {
        await using var rig = await TeamsRig.StartAsync(hostOnly: LowLimit);
        for (var i = 0; i < 3; i++)
        {
            await rig.PostAsync(rig.Message("m" + i, "help"), rig.Token());
        }

        var other = await rig.PostAsync(InTenant(rig.Message("o1", "help"), OtherTenant), rig.Token());

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Contains(rig.Connector.Requests, r => r.RawTarget.EndsWith("/activities/o1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Teams_ForgedRequestsNamingATenant_401AndSpendNothingOfItsAllowance()
    {
        await using var rig = await TeamsRig.StartAsync(hostOnly: LowLimit);
        var stranger = rig.Identity.CreateKey("stranger", "msteams");
        var forged = "Bearer " + Testing.Teams.FakeBotFrameworkIdentity.Sign(stranger, Testing.Teams.FakeBotFrameworkIdentity.Claims(DateTimeOffset.UtcNow, rig.Connector.ServiceUrl));

        var refusals = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            refusals.Add((await rig.PostAsync(rig.Message("f" + i, "help"), forged)).StatusCode);
        }

        var genuine = await rig.PostAsync(rig.Message("g1", "help"), rig.Token());

        Assert.All(refusals, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
    }

    [Fact]
    public async Task Teams_DefaultSettingsBurstOf200FromOneTenant_NeverRefused()
    {
        await using var rig = await TeamsRig.StartAsync();

        var statuses = new List<HttpStatusCode>();
        // In waves of twenty, as a fan-out's answers arrive: many at once, never all at once.
        foreach (var wave in Enumerable.Range(0, 200).Chunk(20))
        {
            var responses = await Task.WhenAll(wave.Select(i => rig.PostAsync(rig.Message("burst-" + i, "help"), rig.Token())));
            statuses.AddRange(responses.Select(r => r.StatusCode));
        }

        Assert.Equal(200, statuses.Count(s => s == HttpStatusCode.OK));
    }

    [Fact]
    public async Task Teams_SignedBodyOverTheCap_Is401AndAnswersNothing()
    {
        await using var rig = await TeamsRig.StartAsync();

        var response = await rig.PostAsync(rig.Message("big", new string('x', 300 * 1024)), rig.Token());

        // Documented: a body too large to check is refused as an unauthenticated one (docs/teams.md).
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(rig.Connector.Requests);
        Assert.Equal(0, await rig.CountTenantsAsync());
    }

    [Fact]
    public async Task Slack_WorkspaceOverItsAllowance_Is429AndNothingRecordedAnotherWorkspaceAccepted()
    {
        await using var rig = await SlackRig.StartAsync(configure: (settings, _) => settings[InboundLimitsOptions.PerTenantKey] = "2");
        Assert.Equal(HttpStatusCode.OK, (await rig.EventAsync(SlackRig.AppMention("Ev1", SlackRig.StaffId, "help"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await rig.EventAsync(SlackRig.AppMention("Ev2", SlackRig.StaffId, "help"))).StatusCode);
        var before = await rig.CountAsync(db => db.Inbox);

        var refused = await rig.EventAsync(SlackRig.AppMention("Ev3", SlackRig.StaffId, "help"));
        var afterRefusal = await rig.CountAsync(db => db.Inbox);
        var otherEnvelope = SlackRig.AppMention("Ev4", SlackRig.StaffId, "help");
        otherEnvelope["team_id"] = "T0OTHER0002";
        var other = await rig.EventAsync(otherEnvelope);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Equal(before, afterRefusal);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Slack_SignedBodyOverTheCap_Is401AndNothingRecorded()
    {
        await using var rig = await SlackRig.StartAsync();
        var envelope = SlackRig.AppMention("EvBig", SlackRig.StaffId, new string('x', 600 * 1024));

        var response = await rig.EventAsync(envelope);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await rig.CountAsync(db => db.Inbox));
    }

    private static JsonObject InTenant(JsonObject activity, string tenant)
    {
        activity["conversation"]!["tenantId"] = tenant;
        activity["channelData"]!["tenant"]!["id"] = tenant;
        return activity;
    }
}
