using FeedbackBot.Channels.Teams;

using FeedbackBot.Testing.Teams;

namespace FeedbackBot.Channels.Tests.Teams;

public sealed class BotTokenProviderTests : IAsyncLifetime
{
    private TeamsHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await TeamsHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task GetTokenAsync_MultiTenant_PostsExactFormToBotFrameworkTenant()
    {
        var token = await _harness.TokenProvider().GetTokenAsync(default);

        var request = Assert.Single(_harness.TokenEndpoint.Requests);
        Assert.Equal("token-1", token);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/botframework.com/oauth2/v2.0/token", request.RawTarget);
        Assert.StartsWith("application/x-www-form-urlencoded", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal(
            "grant_type=client_credentials"
            + $"&client_id={FakeBotFrameworkIdentity.AppId}"
            + "&client_secret=s3cret~Value.With%2BSymbols"
            + "&scope=https%3A%2F%2Fapi.botframework.com%2F.default",
            request.Body);
    }

    [Fact]
    public async Task GetTokenAsync_SingleTenant_AsksTheBotsOwnTenant()
    {
        await _harness.TokenProvider(o => o.TenantId = TeamsHarness.TenantId).GetTokenAsync(default);

        Assert.Equal($"/{TeamsHarness.TenantId}/oauth2/v2.0/token", Assert.Single(_harness.TokenEndpoint.Requests).RawTarget);
    }

    [Fact]
    public async Task GetTokenAsync_ManyConcurrentCallers_OneRequest()
    {
        var provider = _harness.TokenProvider();

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => provider.GetTokenAsync(default)));

        Assert.All(tokens, t => Assert.Equal("token-1", t));
        Assert.Single(_harness.TokenEndpoint.Requests);
    }

    [Fact]
    public async Task GetTokenAsync_UntilFiveMinutesBeforeExpiry_ReusesToken()
    {
        var provider = _harness.TokenProvider();
        await provider.GetTokenAsync(default);

        _harness.Clock.Advance(TimeSpan.FromMinutes(54));
        var stillCached = await provider.GetTokenAsync(default);
        _harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var refreshed = await provider.GetTokenAsync(default);
        var cachedAgain = await provider.GetTokenAsync(default);

        Assert.Equal("token-1", stillCached);
        Assert.Equal("token-2", refreshed);
        Assert.Equal("token-2", cachedAgain);
        Assert.Equal(2, _harness.TokenEndpoint.Requests.Count);
    }

    [Fact]
    public async Task GetTokenAsync_ShortLivedToken_UsedForHalfItsLife()
    {
        _harness.TokenEndpoint.ExpiresInSeconds = 240;
        var provider = _harness.TokenProvider();
        await provider.GetTokenAsync(default);

        _harness.Clock.Advance(TimeSpan.FromSeconds(119));
        var cached = await provider.GetTokenAsync(default);
        _harness.Clock.Advance(TimeSpan.FromSeconds(1));
        var refreshed = await provider.GetTokenAsync(default);

        Assert.Equal("token-1", cached);
        Assert.Equal("token-2", refreshed);
    }

    [Fact]
    public async Task GetTokenAsync_EndpointRefuses_ThrowsWithItsErrorButNotTheSecret()
    {
        _harness.TokenEndpoint.Refusal = (401, $$"""
            {"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided for '{{TeamsHarness.AppPassword}}'."}
            """);

        var error = await Assert.ThrowsAsync<BotTokenException>(() => _harness.TokenProvider().GetTokenAsync(default));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Contains("invalid_client: AADSTS7000215: Invalid client secret provided", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TeamsHarness.AppPassword, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTokenAsync_AfterARefusal_TriesAgainNextTime()
    {
        var provider = _harness.TokenProvider();
        _harness.TokenEndpoint.Refusal = (500, "oops");
        await Assert.ThrowsAsync<BotTokenException>(() => provider.GetTokenAsync(default));

        _harness.TokenEndpoint.Refusal = null;
        var token = await provider.GetTokenAsync(default);

        Assert.Equal("token-1", token);
    }

    [Fact]
    public async Task GetTokenAsync_NoCredentialsConfigured_ThrowsNamingTheSettings()
    {
        var provider = _harness.TokenProvider(o => (o.AppId, o.AppPassword) = (null, null));

        var error = await Assert.ThrowsAsync<BotTokenException>(() => provider.GetTokenAsync(default));

        Assert.Contains("Teams:AppId", error.Message, StringComparison.Ordinal);
        Assert.Contains("Teams:AppPassword", error.Message, StringComparison.Ordinal);
        Assert.Empty(_harness.TokenEndpoint.Requests);
    }
}
