using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace FeedbackBot.Channels.Teams;

/// <summary>One RSA key from the Bot Framework's JWKS, with the channels it is endorsed for.</summary>
internal sealed record SigningKey(string KeyId, RSAParameters Parameters, IReadOnlyList<string> Endorsements)
{
    // Below this a key is too weak to trust, whoever publishes it.
    private const int MinimumKeyBits = 2048;

    /// <summary>Reads one JWKS entry; null for an entry that is not a usable RSA signing key.</summary>
    public static SigningKey? TryRead(JsonElement jwk)
    {
        if (jwk.ValueKind != JsonValueKind.Object
            || GetString(jwk, "kid") is not { Length: > 0 } keyId
            || GetString(jwk, "kty") != "RSA"
            || GetString(jwk, "use") is not (null or "sig"))
        {
            return null;
        }

        var parameters = ReadModulusAndExponent(jwk) ?? ReadCertificate(jwk);
        if (parameters is not { Modulus: { } modulus } || modulus.Length * 8 < MinimumKeyBits)
        {
            return null;
        }

        // The endorsements are a Bot Framework extension to JWKS: the channels a key may sign for. A key without them
        // is endorsed for nothing.
        var endorsements = jwk.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];
        return new SigningKey(keyId, parameters.Value, endorsements);
    }

    // Importing the key costs more than checking a signature with it, and every request is checked; an RSA object is
    // not documented as safe to share between threads, so each check borrows one of its own.
    private readonly ConcurrentBag<RSA> _verifiers = [];

    public bool Verify(byte[] signingInput, byte[] signature, HashAlgorithmName hash)
    {
        if (!_verifiers.TryTake(out var rsa))
        {
            rsa = RSA.Create(Parameters);
        }

        try
        {
            return rsa.VerifyData(signingInput, signature, hash, RSASignaturePadding.Pkcs1);
        }
        finally
        {
            _verifiers.Add(rsa);
        }
    }

    private static RSAParameters? ReadModulusAndExponent(JsonElement jwk)
    {
        if (GetString(jwk, "n") is not { } n || GetString(jwk, "e") is not { } e)
        {
            return null;
        }

        try
        {
            return new RSAParameters
            {
                Modulus = TrimLeadingZeros(System.Buffers.Text.Base64Url.DecodeFromChars(n)),
                Exponent = System.Buffers.Text.Base64Url.DecodeFromChars(e),
            };
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static RSAParameters? ReadCertificate(JsonElement jwk)
    {
        if (!jwk.TryGetProperty("x5c", out var chain) || chain.ValueKind != JsonValueKind.Array
            || chain.GetArrayLength() == 0 || chain[0].ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(chain[0].GetString()!));
            using var rsa = certificate.GetRSAPublicKey();
            return rsa?.ExportParameters(includePrivateParameters: false);
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            return null;
        }
    }

    private static byte[] TrimLeadingZeros(byte[] value)
    {
        var start = 0;
        while (start < value.Length - 1 && value[start] == 0)
        {
            start++;
        }

        return start == 0 ? value : value[start..];
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
