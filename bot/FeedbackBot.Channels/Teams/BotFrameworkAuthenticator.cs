using System.Security.Cryptography;
using FeedbackBot.Channels.BotFramework;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Channels.Teams;

/// <summary>
/// Proves that a request to the messaging endpoint comes from the Bot Framework Connector for this bot: the bearer
/// token is signed by a published Bot Framework key endorsed for the activity's channel, issued by the Bot Framework
/// for this app id, current, and bound to the activity's serviceUrl. The host reads the body, deserialises the
/// activity, calls this, and only on success does anything else with it. One instance serves the whole process.
/// </summary>
public sealed class BotFrameworkAuthenticator : IDisposable
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly TeamsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BotFrameworkAuthenticator> _logger;
    private readonly SigningKeyCache? _keys;

    /// <summary>The <paramref name="http"/> client reads the OpenID metadata and keys, and is kept for the process's life.</summary>
    public BotFrameworkAuthenticator(
        HttpClient http, IOptions<TeamsOptions> options, TimeProvider time, ILogger<BotFrameworkAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _logger = logger;
        if (EndpointRules.TryParse(_options.ResolvedOpenIdMetadataUrl, out var metadataUrl))
        {
            _keys = new SigningKeyCache(http, metadataUrl, time, logger);
        }
    }

    public Task<AuthenticationResult> AuthenticateAsync(
        string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return AuthenticateAsync(authorizationHeader, activity.ServiceUrl, activity.ChannelId, cancellationToken);
    }

    /// <summary>The same check, for a host that read only the serviceUrl and channelId from the body.</summary>
    public async Task<AuthenticationResult> AuthenticateAsync(
        string? authorizationHeader, string? serviceUrl, string? channelId, CancellationToken cancellationToken)
    {
        var result = await ValidateAsync(authorizationHeader, serviceUrl, channelId, cancellationToken);
        if (!result.Succeeded)
        {
            _logger.LogWarning("Refused a Bot Framework request: {Reason}", result.FailureReason);
        }

        return result;
    }

    public void Dispose() => _keys?.Dispose();

    private async Task<AuthenticationResult> ValidateAsync(
        string? authorizationHeader, string? serviceUrl, string? channelId, CancellationToken cancellationToken)
    {
        if (!_options.IsConfigured)
        {
            return Fail($"{TeamsOptions.AppIdKey} is not configured, so no Bot Framework request is accepted");
        }

        if (_keys is null)
        {
            return Fail($"{TeamsOptions.OpenIdMetadataUrlKey} is not a usable address");
        }

        if (ReadBearerToken(authorizationHeader) is not { } token)
        {
            return Fail("the Authorization header is missing or is not a Bearer token");
        }

        if (string.IsNullOrEmpty(serviceUrl) || string.IsNullOrEmpty(channelId))
        {
            return Fail("the activity has no serviceUrl or no channelId");
        }

        if (CompactJwt.TryParse(token, out var parseError) is not { } jwt)
        {
            return Fail(parseError!);
        }

        if (HashFor(jwt.Algorithm) is not { } hash)
        {
            return Fail($"the token's algorithm '{jwt.Algorithm}' is not accepted (RS256, RS384 or RS512 only)");
        }

        if (string.IsNullOrEmpty(jwt.KeyId))
        {
            return Fail("the token names no signing key (kid)");
        }

        var (key, keyError) = await _keys.FindAsync(jwt.KeyId, cancellationToken);
        if (key is null)
        {
            return Fail(keyError!);
        }

        if (!key.Verify(jwt.SigningInput, jwt.Signature, hash))
        {
            return Fail($"the token's signature does not verify with key '{jwt.KeyId}'");
        }

        return CheckClaims(jwt, serviceUrl) ?? CheckEndorsement(key, channelId) ?? AuthenticationResult.Success;
    }

    private AuthenticationResult? CheckClaims(CompactJwt jwt, string serviceUrl)
    {
        if (jwt.GetString("iss") != TeamsOptions.BotFrameworkIssuer)
        {
            return Fail($"the token's issuer '{jwt.GetString("iss")}' is not {TeamsOptions.BotFrameworkIssuer}");
        }

        if (!jwt.GetAudiences().Contains(_options.AppId!.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            return Fail($"the token's audience '{string.Join(", ", jwt.GetAudiences())}' is not this bot's app id");
        }

        var now = _time.GetUtcNow();
        if (jwt.GetTime("exp") is not { } expires)
        {
            return Fail("the token has no expiry (exp)");
        }

        if (now > expires + ClockSkew)
        {
            return Fail($"the token expired at {expires:O}");
        }

        if (jwt.HasClaim("nbf") && jwt.GetTime("nbf") is not { })
        {
            return Fail("the token's nbf is not a time");
        }

        if (jwt.GetTime("nbf") is { } notBefore && now < notBefore - ClockSkew)
        {
            return Fail($"the token is not valid before {notBefore:O}");
        }

        var claimedServiceUrl = jwt.GetString("serviceurl");
        if (!string.Equals(claimedServiceUrl, serviceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return Fail($"the token's serviceurl '{claimedServiceUrl}' is not the activity's serviceUrl '{serviceUrl}'");
        }

        return null;
    }

    private static AuthenticationResult? CheckEndorsement(SigningKey key, string channelId) =>
        key.Endorsements.Contains(channelId, StringComparer.Ordinal)
            ? null
            : Fail(key.Endorsements.Count == 0
                ? $"the signing key '{key.KeyId}' carries no endorsements"
                : $"the signing key '{key.KeyId}' is not endorsed for channel '{channelId}'");

    private static string? ReadBearerToken(string? header)
    {
        const string Scheme = "Bearer ";
        if (header is null || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header[Scheme.Length..].Trim();
        return token.Length == 0 || token.Contains(' ', StringComparison.Ordinal) ? null : token;
    }

    private static HashAlgorithmName? HashFor(string algorithm) => algorithm switch
    {
        "RS256" => HashAlgorithmName.SHA256,
        "RS384" => HashAlgorithmName.SHA384,
        "RS512" => HashAlgorithmName.SHA512,
        _ => null,
    };

    private static AuthenticationResult Fail(string reason) => AuthenticationResult.Failure(reason);
}
