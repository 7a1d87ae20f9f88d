using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Channels.Slack;

/// <summary>
/// Verifies that an HTTP request came from Slack: HMAC-SHA256 of <c>v0:{timestamp}:{raw body}</c> with the signing
/// secret, hex, prefixed <c>v0=</c>, compared in constant time; the timestamp within five minutes of now. It looks at
/// the raw bytes only and never parses the body, so nothing in an unverified request is ever interpreted.
/// </summary>
public sealed class SlackRequestVerifier(IOptions<SlackOptions> options, TimeProvider time)
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";
    public const string SignatureVersion = "v0";

    /// <summary>How far the request's timestamp may be from now, in either direction.</summary>
    public static readonly TimeSpan MaxClockDifference = TimeSpan.FromMinutes(5);

    private const int SignatureBytes = 32;

    public SlackSignatureCheck Verify(ReadOnlySpan<byte> body, string? timestampHeader, string? signatureHeader)
    {
        var secret = options.Value.SigningSecret;
        if (string.IsNullOrWhiteSpace(secret))
        {
            return Fail(SlackSignatureStatus.NotConfigured, $"{SlackOptions.SigningSecretKey} is not set, so no request can be verified");
        }

        if (string.IsNullOrWhiteSpace(timestampHeader))
        {
            return Fail(SlackSignatureStatus.MissingHeader, $"the {TimestampHeader} header is missing");
        }

        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            return Fail(SlackSignatureStatus.MissingHeader, $"the {SignatureHeader} header is missing");
        }

        var timestamp = timestampHeader.Trim();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return Fail(SlackSignatureStatus.Malformed, $"the {TimestampHeader} header is not a number of seconds");
        }

        if (!TryDecodeSignature(signatureHeader.Trim(), out var given))
        {
            return Fail(SlackSignatureStatus.Malformed, $"the {SignatureHeader} header is not '{SignatureVersion}=' and 64 hex digits");
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        // Compared as seconds, in decimal, so an absurd timestamp cannot overflow into looking recent.
        if (Math.Abs((decimal)now - seconds) > (decimal)MaxClockDifference.TotalSeconds)
        {
            return Fail(SlackSignatureStatus.StaleTimestamp, $"the request's timestamp is more than {MaxClockDifference.TotalSeconds:0} s from now");
        }

        var expected = Compute(Encoding.UTF8.GetBytes(secret), timestamp, body);
        return CryptographicOperations.FixedTimeEquals(expected, given)
            ? new SlackSignatureCheck(SlackSignatureStatus.Valid, "the signature matches")
            : Fail(SlackSignatureStatus.BadSignature, "the signature does not match the body and timestamp");
    }

    private static byte[] Compute(byte[] key, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.ASCII.GetBytes($"{SignatureVersion}:{timestamp}:"));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    private static bool TryDecodeSignature(string header, out byte[] signature)
    {
        signature = [];
        var prefix = SignatureVersion + "=";
        if (!header.StartsWith(prefix, StringComparison.Ordinal) || header.Length != prefix.Length + (SignatureBytes * 2))
        {
            return false;
        }

        var hex = header.AsSpan(prefix.Length);
        foreach (var c in hex)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        signature = Convert.FromHexString(hex);
        return true;
    }

    private static SlackSignatureCheck Fail(SlackSignatureStatus status, string reason) => new(status, reason);
}
