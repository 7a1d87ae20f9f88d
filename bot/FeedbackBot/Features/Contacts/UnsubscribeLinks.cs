using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using FeedbackBot.Features.CustomerSurveys;
using FeedbackBot.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Features.Contacts;

/// <summary>
/// One-click unsubscribe links, <c>/u/{token}</c>: the token is an invitation's id and an HMAC-SHA256 of it under an
/// installation secret of its own, so only the bot can make one and a changed character makes it unknown. It does not
/// expire: an unsubscribe link has to keep working for as long as the e-mail it came in is kept (RFC 8058).
/// </summary>
internal sealed class UnsubscribeLinks(IServiceScopeFactory scopes, IOptions<SurveyLinkOptions> options) : IDisposable
{
    public const string SecretName = "unsubscribe-links";

    private readonly CachedSecret _secret = new(scopes, SecretName);

    public void Dispose() => _secret.Dispose();

    /// <summary>The public address of the unsubscribe page of an invitation's e-mail, on the survey links' address.</summary>
    public async Task<Uri> CreateAsync(Guid invitationId, CancellationToken cancellationToken) =>
        new(options.Value.BaseUrl, "u/" + await TokenAsync(invitationId, cancellationToken));

    public async Task<string> TokenAsync(Guid invitationId, CancellationToken cancellationToken) =>
        $"{invitationId:N}." + Base64Url.EncodeToString(Sign(await _secret.GetAsync(cancellationToken), invitationId));

    /// <summary>The invitation a token was made for, or null when it is not one of ours (unknown, cut or changed).</summary>
    public async Task<Guid?> ReadAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var parts = token.Split('.');
        if (parts.Length != 2 || parts[0].Length != 32 || !Guid.TryParseExact(parts[0], "N", out var invitationId) || !Base64Url.IsValid(parts[1]))
        {
            return null;
        }

        var expected = Sign(await _secret.GetAsync(cancellationToken), invitationId);
        return CryptographicOperations.FixedTimeEquals(Base64Url.DecodeFromChars(parts[1]), expected) ? invitationId : null;
    }

    private static byte[] Sign(byte[] secret, Guid invitationId) =>
        HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes($"unsubscribe:{invitationId:N}"));
}
