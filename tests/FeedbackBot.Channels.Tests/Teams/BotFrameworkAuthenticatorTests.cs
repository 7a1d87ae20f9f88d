using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FeedbackBot.Channels.BotFramework;
using FeedbackBot.Channels.Teams;

using FeedbackBot.Testing.Teams;

namespace FeedbackBot.Channels.Tests.Teams;

public sealed class BotFrameworkAuthenticatorTests : IAsyncLifetime
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private TeamsHarness _harness = null!;
    private TestKey _teamsKey = null!;

    public async Task InitializeAsync()
    {
        _harness = await TeamsHarness.StartAsync();
        _teamsKey = _harness.Identity.Publish(_harness.Identity.CreateKey("key-1", "msteams", "skype"));
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Theory]
    [InlineData("RS256")]
    [InlineData("RS384")]
    [InlineData("RS512")]
    public async Task AuthenticateAsync_TokenSignedByEndorsedKey_Succeeds(string algorithm)
    {
        var token = FakeBotFrameworkIdentity.Sign(_teamsKey, Claims(), algorithm);

        var result = await Authenticate(token);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_ExpiredBeyondSkew_Refused()
    {
        var claims = Claims();
        claims["exp"] = Now.AddMinutes(-6).ToUnixTimeSeconds();

        var result = await Authenticate(FakeBotFrameworkIdentity.Sign(_teamsKey, claims));

        Assert.False(result.Succeeded);
        Assert.Contains("expired", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticateAsync_ExpiredWithinSkew_Accepted()
    {
        var claims = Claims();
        claims["exp"] = Now.AddMinutes(-4).ToUnixTimeSeconds();

        var result = await Authenticate(FakeBotFrameworkIdentity.Sign(_teamsKey, claims));

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_NotYetValidBeyondSkew_Refused()
    {
        var claims = Claims();
        claims["nbf"] = Now.AddMinutes(6).ToUnixTimeSeconds();

        var result = await Authenticate(FakeBotFrameworkIdentity.Sign(_teamsKey, claims));

        Assert.False(result.Succeeded);
        Assert.Contains("not valid before", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticateAsync_NotYetValidWithinSkew_Accepted()
    {
        var claims = Claims();
        claims["nbf"] = Now.AddMinutes(4).ToUnixTimeSeconds();

        var result = await Authenticate(FakeBotFrameworkIdentity.Sign(_teamsKey, claims));

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_NoExpiry_Refused()
    {
        var claims = Claims();
        claims.Remove("exp");

        var result = await Authenticate(FakeBotFrameworkIdentity.Sign(_teamsKey, claims));

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task AuthenticateAsync_WrongAudience_Refused()
    {
        var claims = Claims();
        claims["aud"] = "00000000-0000-0000-0000-000000000000";

        var result = await Authenticate(FakeBotFrameworkIdentity.Sign(_teamsKey, claims));

        Assert.False(result.Succeeded);
        Assert.Contains("audience", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticateAsync_AudienceListIncludingAppId_Accepted()
    {
        var claims = Claims();
        claims["aud"] = new JsonArray("someone-else", FakeBotFrameworkIdentity.AppId);

        var result = await Authenticate(FakeBotFrameworkIdentity.Sign(_teamsKey, claims));

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Theory]
    [InlineData("https://sts.windows.net/9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d/")]
    [InlineData("https://api.botframework.com/")]
    [InlineData("https://evil.example")]
    public async Task AuthenticateAsync_WrongIssuer_Refused(string issuer)
    {
        var claims = Claims();
        claims["iss"] = issuer;

        var result = await Authenticate(FakeBotFrameworkIdentity.Sign(_teamsKey, claims));

        Assert.False(result.Succeeded);
        Assert.Contains("issuer", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticateAsync_KeyNotPublishedEvenAfterRefresh_RefusedAndRefreshesAtMostOnce()
    {
        var authenticator = _harness.Authenticator();
        Assert.True((await Authenticate(FakeBotFrameworkIdentity.Sign(_teamsKey, Claims()), authenticator)).Succeeded);
        var unpublished = _harness.Identity.CreateKey("key-unknown", "msteams");
        _harness.Clock.Advance(SigningKeyCache.RefreshGap);

        var first = await Authenticate(FakeBotFrameworkIdentity.Sign(unpublished, Claims()), authenticator);
        var second = await Authenticate(FakeBotFrameworkIdentity.Sign(unpublished, Claims()), authenticator);

        Assert.False(first.Succeeded);
        Assert.False(second.Succeeded);
        Assert.Contains("key-unknown", first.FailureReason, StringComparison.Ordinal);
        Assert.Equal(2, _harness.Identity.KeyRequests);
    }

    [Fact]
    public async Task AuthenticateAsync_KeyEndorsedForOtherChannelsOnly_Refused()
    {
        var key = _harness.Identity.Publish(_harness.Identity.CreateKey("key-skype", "skype", "webchat"));

        var result = await Authenticate(FakeBotFrameworkIdentity.Sign(key, Claims()));

        Assert.False(result.Succeeded);
        Assert.Contains("not endorsed for channel 'msteams'", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticateAsync_KeyWithoutEndorsements_Refused()
    {
        var key = _harness.Identity.Publish(_harness.Identity.CreateKey("key-bare", null));

        var result = await Authenticate(FakeBotFrameworkIdentity.Sign(key, Claims()));

        Assert.False(result.Succeeded);
        Assert.Contains("no endorsements", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticateAsync_ActivityFromAnotherChannel_Refused()
    {
        var result = await _harness.Authenticator().AuthenticateAsync(
            Bearer(FakeBotFrameworkIdentity.Sign(_teamsKey, Claims())), ServiceUrl, "slack", default);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task AuthenticateAsync_ServiceUrlClaimForAnotherConnector_Refused()
    {
        var claims = Claims();
        claims["serviceurl"] = "https://attacker.example/emea/";

        var result = await Authenticate(FakeBotFrameworkIdentity.Sign(_teamsKey, claims));

        Assert.False(result.Succeeded);
        Assert.Contains("serviceurl", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticateAsync_ServiceUrlDiffersOnlyInCase_Accepted()
    {
        var claims = Claims();
        claims["serviceurl"] = ServiceUrl.ToUpperInvariant();

        var result = await Authenticate(FakeBotFrameworkIdentity.Sign(_teamsKey, claims));

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_NoServiceUrlClaim_Refused()
    {
        var claims = Claims();
        claims.Remove("serviceurl");

        var result = await Authenticate(FakeBotFrameworkIdentity.Sign(_teamsKey, claims));

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task AuthenticateAsync_PayloadChangedAfterSigning_Refused()
    {
        var token = FakeBotFrameworkIdentity.Sign(_teamsKey, Claims());
        var parts = token.Split('.');
        var forged = Claims();
        forged["exp"] = Now.AddDays(30).ToUnixTimeSeconds();
        var tampered = $"{parts[0]}.{FakeBotFrameworkIdentity.Encode(forged.ToJsonString())}.{parts[2]}";

        var result = await Authenticate(tampered);

        Assert.False(result.Succeeded);
        Assert.Contains("signature", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticateAsync_SignatureByteFlipped_Refused()
    {
        var token = FakeBotFrameworkIdentity.Sign(_teamsKey, Claims());
        var parts = token.Split('.');
        var signature = Base64Url.DecodeFromChars(parts[2]);
        signature[10] ^= 0x01;

        var result = await Authenticate($"{parts[0]}.{parts[1]}.{Base64Url.EncodeToString(signature)}");

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task AuthenticateAsync_UnsignedAlgNone_Refused()
    {
        var header = FakeBotFrameworkIdentity.Encode("""{"alg":"none","kid":"key-1","typ":"JWT"}""");
        var payload = FakeBotFrameworkIdentity.Encode(Claims().ToJsonString());

        var result = await Authenticate($"{header}.{payload}.");

        Assert.False(result.Succeeded);
        Assert.Contains("'none' is not accepted", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticateAsync_Hs256SignedWithPublicKeyBytes_Refused()
    {
        // The classic confusion attack: an HMAC "signed" with what the attacker knows, the public key.
        var header = FakeBotFrameworkIdentity.Encode("""{"alg":"HS256","kid":"key-1","typ":"JWT"}""");
        var payload = FakeBotFrameworkIdentity.Encode(Claims().ToJsonString());
        var secret = _teamsKey.Rsa.ExportParameters(false).Modulus!;
        var mac = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes($"{header}.{payload}"));

        var result = await Authenticate($"{header}.{payload}.{Base64Url.EncodeToString(mac)}");

        Assert.False(result.Succeeded);
        Assert.Contains("HS256", result.FailureReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("not-a-token")]
    public async Task AuthenticateAsync_MissingOrNonBearerHeader_Refused(string? header)
    {
        var result = await _harness.Authenticator().AuthenticateAsync(header, Activity(), default);

        Assert.False(result.Succeeded);
        Assert.Equal(0, _harness.Identity.MetadataRequests);
    }

    [Fact]
    public async Task AuthenticateAsync_BearerWithGarbage_Refused()
    {
        var result = await Authenticate("abc.def.ghi");

        Assert.False(result.Succeeded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task AuthenticateAsync_NoAppIdConfigured_RefusesEvenAValidToken(string? appId)
    {
        var authenticator = _harness.Authenticator(o => o.AppId = appId);

        var result = await Authenticate(FakeBotFrameworkIdentity.Sign(_teamsKey, Claims()), authenticator);

        Assert.False(result.Succeeded);
        Assert.Contains("Teams:AppId", result.FailureReason, StringComparison.Ordinal);
        Assert.Equal(0, _harness.Identity.MetadataRequests);
    }

    [Fact]
    public async Task AuthenticateAsync_KeyRotated_NewKeyAcceptedAfterRefresh()
    {
        var authenticator = _harness.Authenticator();
        Assert.True((await Authenticate(FakeBotFrameworkIdentity.Sign(_teamsKey, Claims()), authenticator)).Succeeded);
        var rotated = _harness.Identity.Publish(_harness.Identity.CreateKey("key-2", "msteams"));
        _harness.Identity.Withdraw(_teamsKey);
        _harness.Clock.Advance(SigningKeyCache.RefreshGap);

        var withNewKey = await Authenticate(FakeBotFrameworkIdentity.Sign(rotated, Claims()), authenticator);
        var withOldKey = await Authenticate(FakeBotFrameworkIdentity.Sign(_teamsKey, Claims()), authenticator);

        Assert.True(withNewKey.Succeeded, withNewKey.FailureReason);
        Assert.False(withOldKey.Succeeded);
    }

    [Fact]
    public async Task AuthenticateAsync_UnknownKeysInQuickSuccession_RefreshOncePerGap()
    {
        var authenticator = _harness.Authenticator();
        await Authenticate(FakeBotFrameworkIdentity.Sign(_teamsKey, Claims()), authenticator);
        var rotated = _harness.Identity.Publish(_harness.Identity.CreateKey("key-2", "msteams"));
        _harness.Clock.Advance(TimeSpan.FromMinutes(1));

        var tooSoon = await Authenticate(FakeBotFrameworkIdentity.Sign(rotated, Claims()), authenticator);
        _harness.Clock.Advance(SigningKeyCache.RefreshGap);
        var afterGap = await Authenticate(FakeBotFrameworkIdentity.Sign(rotated, Claims()), authenticator);

        Assert.False(tooSoon.Succeeded);
        Assert.True(afterGap.Succeeded, afterGap.FailureReason);
        Assert.Equal(2, _harness.Identity.MetadataRequests);
    }

    [Fact]
    public async Task AuthenticateAsync_KeysADayOld_ReadAgain()
    {
        var authenticator = _harness.Authenticator();
        await Authenticate(FakeBotFrameworkIdentity.Sign(_teamsKey, Claims()), authenticator);
        _harness.Identity.Publish(_harness.Identity.CreateKey("key-2", "msteams"));
        _harness.Identity.Withdraw(_teamsKey);
        _harness.Clock.Advance(TimeSpan.FromHours(23));
        var beforeADay = await Authenticate(FakeBotFrameworkIdentity.Sign(_teamsKey, Claims()), authenticator);

        _harness.Clock.Advance(TimeSpan.FromHours(1));
        var afterADay = await Authenticate(FakeBotFrameworkIdentity.Sign(_teamsKey, Claims()), authenticator);

        Assert.True(beforeADay.Succeeded, beforeADay.FailureReason);
        Assert.False(afterADay.Succeeded);
        Assert.Equal(2, _harness.Identity.MetadataRequests);
    }

    [Fact]
    public async Task AuthenticateAsync_MetadataServerDown_RefusedWithReasonThenRecovers()
    {
        var authenticator = _harness.Authenticator();
        _harness.Identity.Down = true;

        var whileDown = await Authenticate(FakeBotFrameworkIdentity.Sign(_teamsKey, Claims()), authenticator);
        _harness.Identity.Down = false;
        _harness.Clock.Advance(SigningKeyCache.RetryGapWithoutKeys);
        var afterRecovery = await Authenticate(FakeBotFrameworkIdentity.Sign(_teamsKey, Claims()), authenticator);

        Assert.False(whileDown.Succeeded);
        Assert.Contains("signing keys could not be read", whileDown.FailureReason, StringComparison.Ordinal);
        Assert.Contains("503", whileDown.FailureReason, StringComparison.Ordinal);
        Assert.True(afterRecovery.Succeeded, afterRecovery.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_MetadataServerDownAfterKeysRead_KeepsUsingThemUntilTooOld()
    {
        var authenticator = _harness.Authenticator();
        await Authenticate(FakeBotFrameworkIdentity.Sign(_teamsKey, Claims()), authenticator);
        _harness.Identity.Down = true;

        _harness.Clock.Advance(TimeSpan.FromHours(25));
        var dayOld = await Authenticate(FakeBotFrameworkIdentity.Sign(_teamsKey, Claims()), authenticator);
        _harness.Clock.Advance(TimeSpan.FromHours(24));
        var twoDaysOld = await Authenticate(FakeBotFrameworkIdentity.Sign(_teamsKey, Claims()), authenticator);

        Assert.True(dayOld.Succeeded, dayOld.FailureReason);
        Assert.False(twoDaysOld.Succeeded);
    }

    [Fact]
    public async Task AuthenticateAsync_Refused_LogsTheReason()
    {
        var claims = Claims();
        claims["aud"] = "someone-else";

        await Authenticate(FakeBotFrameworkIdentity.Sign(_teamsKey, claims));

        Assert.Contains(_harness.AuthenticatorLog.Lines, l => l.Contains("audience", StringComparison.Ordinal));
    }

    private DateTimeOffset Now => _harness.Clock.GetUtcNow();

    private JsonObject Claims() => FakeBotFrameworkIdentity.Claims(Now, ServiceUrl);

    private static Activity Activity() => new()
    {
        Type = ActivityTypes.Message,
        ServiceUrl = ServiceUrl,
        ChannelId = "msteams",
        Text = "help",
    };

    private static string Bearer(string token) => $"Bearer {token}";

    private Task<AuthenticationResult> Authenticate(string token, BotFrameworkAuthenticator? authenticator = null) =>
        (authenticator ?? _harness.Authenticator()).AuthenticateAsync(Bearer(token), Activity(), default);
}
