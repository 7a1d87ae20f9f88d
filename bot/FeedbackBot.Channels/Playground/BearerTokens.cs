using System.Security.Cryptography;
using System.Text;

namespace FeedbackBot.Channels.Playground;

/// <summary>Random tokens and ids for the Direct Line store, and how they are looked up.</summary>
internal static class BearerTokens
{
    /// <summary>256 random bits, base64url: unguessable, and safe in a header and a URL.</summary>
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>128 random bits, base64url: conversation ids appear in URLs and must not be guessable either.</summary>
    public static string NewConversationId() => Base64Url(RandomNumberGenerator.GetBytes(16));

    /// <summary>
    /// Tokens are kept by their SHA-256, so the lookup compares digests of what a client sent, never the secret
    /// itself, and a dump of the store holds no usable token.
    /// </summary>
    public static string Key(string token) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The token of an <c>Authorization: Bearer ...</c> header value, or null.</summary>
    public static string? FromHeader(string? authorization)
    {
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = authorization[scheme.Length..].Trim();
        return token.Length == 0 ? null : token;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
