using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FeedbackBot.Features.HelpdeskTriggers;

/// <summary>
/// The signature of a helpdesk's request: <c>X-FeedbackBot-Timestamp</c> (Unix seconds) and
/// <c>X-FeedbackBot-Signature: v1=</c> followed by the hex HMAC-SHA256, under <c>Webhooks:Secret</c>, of
/// <c>v1:{timestamp}:{raw body}</c>. A timestamp more than five minutes from now either way is refused, so a
/// captured request cannot be replayed later; the comparison takes the same time however much of it matches.
/// </summary>
internal static class WebhookSignature
{
    public const string TimestampHeader = "X-FeedbackBot-Timestamp";
    public const string SignatureHeader = "X-FeedbackBot-Signature";
    public const string Version = "v1";

    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>Null when the request is signed by the secret over this body within the tolerance; else why not.</summary>
    public static string? Check(string? secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return $"helpdesk triggers are off: {WebhookOptions.SecretKey} is not set";
        }

        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return $"missing {TimestampHeader} or {SignatureHeader}";
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || timestamp.Length > 12)
        {
            return $"{TimestampHeader} must be Unix seconds";
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > Tolerance.TotalSeconds)
        {
            return $"{TimestampHeader} is more than five minutes from the bot's clock";
        }

        const string Prefix = Version + "=";
        if (!signature.StartsWith(Prefix, StringComparison.Ordinal) || signature.Length != Prefix.Length + 64)
        {
            return $"{SignatureHeader} must be '{Prefix}' and 64 hex digits";
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(signature.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return $"{SignatureHeader} must be '{Prefix}' and 64 hex digits";
        }

        return CryptographicOperations.FixedTimeEquals(given, Compute(secret, timestamp, body)) ? null : "the signature does not match";
    }

    /// <summary>The HMAC a sender computes; also what the docs' example and the tests sign with.</summary>
    public static byte[] Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes($"{Version}:{timestamp}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }
}
