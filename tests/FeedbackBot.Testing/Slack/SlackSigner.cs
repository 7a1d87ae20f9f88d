using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace FeedbackBot.Testing.Slack;

/// <summary>The two headers Slack puts on every request it signs.</summary>
public sealed record SlackSignedHeaders(string Timestamp, string Signature)
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";

    public void ApplyTo(HttpRequestHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        headers.Add(TimestampHeader, Timestamp);
        headers.Add(SignatureHeader, Signature);
    }
}

/// <summary>
/// Signs synthetic requests as Slack does, written from Slack's description rather than shared with the bot's verifier,
/// so a test catches a verifier that drifts from the specification.
/// </summary>
public static class SlackSigner
{
    public static SlackSignedHeaders Sign(string signingSecret, byte[] body, DateTimeOffset at) =>
        Sign(signingSecret, body, at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));

    public static SlackSignedHeaders Sign(string signingSecret, string body, DateTimeOffset at) =>
        Sign(signingSecret, Encoding.UTF8.GetBytes(body), at);

    /// <summary>Signs with the timestamp header exactly as given, even one that is not a number.</summary>
    public static SlackSignedHeaders Sign(string signingSecret, byte[] body, string timestamp)
    {
        ArgumentNullException.ThrowIfNull(signingSecret);
        ArgumentNullException.ThrowIfNull(body);
        var baseString = Encoding.UTF8.GetBytes($"v0:{timestamp}:").Concat(body).ToArray();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), baseString);
        return new SlackSignedHeaders(timestamp, "v0=" + Convert.ToHexStringLower(mac));
    }
}
