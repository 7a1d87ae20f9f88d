using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FeedbackBot.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Features.CustomerSurveys;

/// <summary>
/// Single-use survey links for customers: <c>/s/{token}</c>, where the token is the invitation id, the time the link
/// stops working (its cycle's end) and an HMAC-SHA256 of the cycle, the invitation and that time under an
/// installation secret. A token opens one invitation's survey until then; changing any part of it makes it unknown.
/// Whether the link was already used is the database's business (one response per invitation), not the token's.
/// </summary>
internal sealed class SurveyLinks(IServiceScopeFactory scopes, IOptions<SurveyLinkOptions> options, TimeProvider clock) : IDisposable
{
    public const string SecretName = "survey-links";

    private readonly CachedSecret _secret = new(scopes, SecretName);

    public void Dispose() => _secret.Dispose();

    /// <summary>The public address of an invitation's survey page.</summary>
    public async Task<Uri> CreateAsync(Guid cycleId, Guid invitationId, DateTime expiresAt, CancellationToken cancellationToken) =>
        new(options.Value.BaseUrl, "s/" + await TokenAsync(cycleId, invitationId, expiresAt, cancellationToken));

    /// <summary>The token of an invitation's link, valid until <paramref name="expiresAt"/> (UTC).</summary>
    public async Task<string> TokenAsync(Guid cycleId, Guid invitationId, DateTime expiresAt, CancellationToken cancellationToken)
    {
        var seconds = new DateTimeOffset(DateTime.SpecifyKind(expiresAt, DateTimeKind.Utc)).ToUnixTimeSeconds();
        var mac = Sign(await _secret.GetAsync(cancellationToken), cycleId, invitationId, seconds);
        return string.Create(CultureInfo.InvariantCulture, $"{invitationId:N}.{seconds}.") + Base64Url.EncodeToString(mac);
    }

    /// <summary>
    /// Reads a token without trusting it: the invitation it names and when it expires, or null when it is not
    /// shaped like a token at all. The caller loads the invitation and then calls <see cref="CheckAsync"/>.
    /// </summary>
    public static SurveyToken? Parse(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 120)
        {
            return null;
        }

        var parts = token.Split('.');
        if (parts.Length != 3
            || parts[0].Length != 32
            || !Guid.TryParseExact(parts[0], "N", out var invitationId)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || !Base64Url.IsValid(parts[2]))
        {
            return null;
        }

        return new SurveyToken(invitationId, seconds, Base64Url.DecodeFromChars(parts[2]));
    }

    /// <summary>Whether a parsed token was signed by this installation for that cycle's invitation, and whether it has expired.</summary>
    public async Task<SurveyTokenCheck> CheckAsync(SurveyToken token, Guid cycleId, CancellationToken cancellationToken)
    {
        var expected = Sign(await _secret.GetAsync(cancellationToken), cycleId, token.InvitationId, token.ExpiresAtSeconds);
        if (!CryptographicOperations.FixedTimeEquals(token.Mac, expected))
        {
            return SurveyTokenCheck.Invalid;
        }

        return clock.GetUtcNow().ToUnixTimeSeconds() < token.ExpiresAtSeconds ? SurveyTokenCheck.Valid : SurveyTokenCheck.Expired;
    }

    private static byte[] Sign(byte[] secret, Guid cycleId, Guid invitationId, long expires) =>
        HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"survey:{cycleId:N}:{invitationId:N}:{expires}")));
}

/// <summary>A survey token as read from a link, not yet checked.</summary>
internal sealed record SurveyToken(Guid InvitationId, long ExpiresAtSeconds, byte[] Mac);

/// <summary>What checking a token's signature and time found.</summary>
internal enum SurveyTokenCheck
{
    Valid,
    Invalid,
    Expired,
}

/// <summary>Where survey links point: <c>Surveys:BaseUrl</c>, or the report address when it is not set.</summary>
internal sealed class SurveyLinkOptions
{
    public const string BaseUrlKey = "Surveys:BaseUrl";

    public string? ConfiguredBaseUrl { get; set; }

    /// <summary>The report options' address, used when no survey address of its own is set.</summary>
    public Uri? ReportBaseUrl { get; set; }

    public Uri BaseUrl => !string.IsNullOrWhiteSpace(ConfiguredBaseUrl)
        ? new Uri(ConfiguredBaseUrl.TrimEnd('/') + "/")
        : ReportBaseUrl ?? new Uri(Infrastructure.Hosting.BotWebApplication.DefaultUrl);
}

/// <summary>Rejects a survey address that is not absolute http or https, naming its key.</summary>
internal sealed class SurveyLinkOptionsValidator : IValidateOptions<SurveyLinkOptions>
{
    public ValidateOptionsResult Validate(string? name, SurveyLinkOptions options) =>
        string.IsNullOrWhiteSpace(options.ConfiguredBaseUrl)
        || (Uri.TryCreate(options.ConfiguredBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{SurveyLinkOptions.BaseUrlKey} must be an absolute http or https address, not '{options.ConfiguredBaseUrl}'.");
}
