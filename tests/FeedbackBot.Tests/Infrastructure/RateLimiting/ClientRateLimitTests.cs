using System.Net;
using FeedbackBot.Data;
using FeedbackBot.Infrastructure.RateLimiting;
using FeedbackBot.Tests.Features.CustomerSurveys;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Tests.Infrastructure.RateLimiting;

/// <summary>Requests a minute per client address on the web pages (survey links, report links, unsubscribe, Slack install).</summary>
public sealed class ClientRateLimitTests
{
    private static readonly Dictionary<string, string?> LowLimit = new() { [InboundLimitsOptions.PerClientKey] = "3" };

    [Fact]
    public async Task SurveyLink_ClientOverItsAllowance_Is429WithRetryAfterAndStoresNothing()
    {
        await using var rig = await SurveyRig.StartAsync(DatabaseProvider.Sqlite, extra: LowLimit);
        var link = await rig.LinkAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await rig.Client.GetAsync(link)).StatusCode);
        }

        var refused = await rig.PostFormAsync(link, ("satisfaction", "4"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Contains("rate_limited", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await rig.ResponsesAsync());
    }

    [Fact]
    public async Task SurveyLink_OneClientOverItsAllowance_HealthAndOtherAddressesStillAnswered()
    {
        await using var rig = await SurveyRig.StartAsync(DatabaseProvider.Sqlite, extra: LowLimit);
        var link = await rig.LinkAsync();
        for (var i = 0; i < 4; i++)
        {
            await rig.Client.GetAsync(link);
        }

        // The test host listens on 127.0.0.1 only, so a second address is asked of the host's own limiter directly.
        var limiter = rig.App.Services.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter!;
        using var same = limiter.AttemptAcquire(Request(link, IPAddress.Loopback));
        using var other = limiter.AttemptAcquire(Request(link, IPAddress.Parse("203.0.113.7")));
        var health = await rig.Client.GetAsync("/healthz");

        Assert.False(same.IsAcquired);
        Assert.True(other.IsAcquired);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task SurveyLink_BehindATrustedProxy_EachForwardedAddressHasItsOwnAllowance()
    {
        await using var rig = await SurveyRig.StartAsync(
            DatabaseProvider.Sqlite,
            extra: new Dictionary<string, string?> { [InboundLimitsOptions.PerClientKey] = "1", [InboundLimitsOptions.TrustForwardedForKey] = "true" });
        var link = await rig.LinkAsync();

        var first = await GetFromAsync(rig, link, "203.0.113.1");
        var again = await GetFromAsync(rig, link, "203.0.113.1");
        var other = await GetFromAsync(rig, link, "203.0.113.2");

        Assert.Equal(
            (HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK),
            (first.StatusCode, again.StatusCode, other.StatusCode));
    }

    [Theory]
    [InlineData("/s/abc", "web")]
    [InlineData("/reviews/1b3c/history/nps", "web")]
    [InlineData("/u/abc", "web")]
    [InlineData("/slack/install", "web")]
    [InlineData("/api/messages", "chat")]
    [InlineData("/slack/events", "chat")]
    [InlineData("/healthz", null)]
    [InlineData("/playground", null)]
    public void PartitionKey_PathAndAddress_WebAndChatCountedApartPerAddress(string path, string? kind)
    {
        var key = InboundLimits.PartitionKey(Request(path, IPAddress.Parse("198.51.100.4")))?.Key;
        var mapped = InboundLimits.PartitionKey(Request(path, IPAddress.Parse("198.51.100.4").MapToIPv6()))?.Key;

        Assert.Equal(kind is null ? null : kind + ":198.51.100.4", key);
        Assert.Equal(key, mapped);
    }

    [Fact]
    public async Task Host_NoKestrelLimitSet_RequestBodiesCappedAtOneMegabyte()
    {
        await using var rig = await SurveyRig.StartAsync(DatabaseProvider.Sqlite);

        var kestrel = rig.App.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;

        Assert.Equal(1024 * 1024, kestrel.Limits.MaxRequestBodySize);
    }

    private static async Task<HttpResponseMessage> GetFromAsync(SurveyRig rig, string link, string client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, link);
        request.Headers.Add("X-Forwarded-For", client);
        return await rig.Client.SendAsync(request);
    }

    private static DefaultHttpContext Request(string path, IPAddress address)
    {
        var http = new DefaultHttpContext();
        http.Request.Path = path;
        http.Connection.RemoteIpAddress = address;
        return http;
    }
}
