using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace FeedbackBot.Channels.Teams;

/// <summary>A JSON Web Token in compact form, split and decoded but not yet trusted.</summary>
internal sealed record CompactJwt(string Algorithm, string? KeyId, JsonElement Payload, byte[] SigningInput, byte[] Signature)
{
    // Bot Framework tokens are about 1.5 KB; anything far larger is not one and is not worth decoding.
    private const int MaxTokenLength = 16 * 1024;

    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false, MaxDepth = 16 };

    public static CompactJwt? TryParse(string token, out string? error)
    {
        error = null;
        if (token.Length > MaxTokenLength)
        {
            error = "the token is too long";
            return null;
        }

        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            error = "the token is not a signed JWT in compact form";
            return null;
        }

        var header = TryDecodeObject(parts[0]);
        var payload = TryDecodeObject(parts[1]);
        // An unsigned token ("alg":"none") has an empty third part; it is refused by its algorithm, with that reason.
        var signature = parts[2].Length == 0 ? [] : TryDecode(parts[2]);
        if (header is null || payload is null || signature is null)
        {
            error = "the token is not well-formed base64url JSON";
            return null;
        }

        var algorithm = header.Value.TryGetProperty("alg", out var alg) && alg.ValueKind == JsonValueKind.String
            ? alg.GetString()!
            : "";
        var keyId = header.Value.TryGetProperty("kid", out var kid) && kid.ValueKind == JsonValueKind.String
            ? kid.GetString()
            : null;
        var signingInput = Encoding.ASCII.GetBytes(string.Concat(parts[0], ".", parts[1]));
        return new CompactJwt(algorithm, keyId, payload.Value, signingInput, signature);
    }

    public string? GetString(string claim) =>
        Payload.TryGetProperty(claim, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A NumericDate claim (seconds since the epoch, possibly fractional).</summary>
    public DateTimeOffset? GetTime(string claim)
    {
        if (!Payload.TryGetProperty(claim, out var value) || value.ValueKind != JsonValueKind.Number
            || !value.TryGetDouble(out var seconds) || double.IsNaN(seconds) || Math.Abs(seconds) > 253_402_300_799d)
        {
            return null;
        }

        return DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
    }

    public bool HasClaim(string claim) => Payload.TryGetProperty(claim, out _);

    /// <summary>The audiences: <c>aud</c> is a string or an array of strings.</summary>
    public IReadOnlyList<string> GetAudiences()
    {
        if (!Payload.TryGetProperty("aud", out var aud))
        {
            return [];
        }

        return aud.ValueKind switch
        {
            JsonValueKind.String => [aud.GetString()!],
            JsonValueKind.Array => aud.EnumerateArray()
                .Where(a => a.ValueKind == JsonValueKind.String)
                .Select(a => a.GetString()!)
                .ToList(),
            _ => [],
        };
    }

    private static JsonElement? TryDecodeObject(string part)
    {
        var bytes = TryDecode(part);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, StrictJson);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[]? TryDecode(string part)
    {
        if (part.Length == 0)
        {
            return null;
        }

        try
        {
            return Base64Url.DecodeFromChars(part);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
