using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FeedbackBot.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Features.Reviews;

/// <summary>
/// Signed, expiring links to reports. A token is the expiry time and an HMAC-SHA256, under an installation secret,
/// of the review id and that time: it opens that one review until then, and nothing else.
/// </summary>
internal sealed class ReportLinks(IServiceScopeFactory scopes, IOptions<ReportOptions> options, TimeProvider clock) : IDisposable
{
    public const string SecretName = "report-links";

    private readonly CachedSecret _secret = new(scopes, SecretName);

    public void Dispose() => _secret.Dispose();

    /// <summary>The address of a review's HTML report, with a token valid for the configured lifetime.</summary>
    public async Task<Uri> CreateAsync(Guid reviewId, CancellationToken cancellationToken)
    {
        var token = await TokenAsync(reviewId, clock.GetUtcNow() + options.Value.LinkLifetime, cancellationToken);
        return new Uri(options.Value.BaseUrl, $"reviews/{reviewId:D}?token={token}");
    }

    /// <summary>A token for a review that expires at the given time.</summary>
    public async Task<string> TokenAsync(Guid reviewId, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        var seconds = expires.ToUnixTimeSeconds();
        var mac = Sign(await _secret.GetAsync(cancellationToken), reviewId, seconds);
        return seconds.ToString(CultureInfo.InvariantCulture) + "." + Base64Url.EncodeToString(mac);
    }

    /// <summary>Whether a token opens the review now: well formed, signed for this review, and not expired.</summary>
    public async Task<bool> IsValidAsync(Guid reviewId, string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 128)
        {
            return false;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0
            || !long.TryParse(token.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || !Base64Url.IsValid(token.AsSpan(dot + 1)))
        {
            return false;
        }

        var given = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        var expected = Sign(await _secret.GetAsync(cancellationToken), reviewId, seconds);
        return CryptographicOperations.FixedTimeEquals(given, expected) && clock.GetUtcNow().ToUnixTimeSeconds() < seconds;
    }

    private static byte[] Sign(byte[] secret, Guid reviewId, long expires) =>
        HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"review:{reviewId:N}:{expires}")));
}
