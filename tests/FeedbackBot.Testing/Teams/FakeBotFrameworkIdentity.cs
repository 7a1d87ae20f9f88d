using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace FeedbackBot.Testing.Teams;

/// <summary>A signing key of the fake Bot Framework, with the endorsements it publishes (null: none at all).</summary>
public sealed record TestKey(string KeyId, RSA Rsa, string[]? Endorsements);

/// <summary>
/// The Bot Framework's token issuer as the bot sees it: OpenID metadata and a JWKS on loopback, and the private keys
/// to sign tokens with, the way the Connector does.
/// </summary>
public sealed class FakeBotFrameworkIdentity : IAsyncDisposable
{
    public const string AppId = "6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b";
    public const string Issuer = "https://api.botframework.com";

    private readonly ConcurrentDictionary<string, TestKey> _published = new();
    private static readonly Lazy<RSAParameters[]> KeyPool = new(() =>
        [.. Enumerable.Range(0, 3).AsParallel().Select(_ =>
        {
            using var rsa = RSA.Create(2048);
            return rsa.ExportParameters(includePrivateParameters: true);
        })]);

    private readonly ConcurrentBag<TestKey> _everMade = [];
    private int _keysMade;
    private LoopbackServer _server = null!;

    private FakeBotFrameworkIdentity()
    {
    }

    public bool Down { get; set; }

    public Uri MetadataUrl => new(_server.BaseAddress, "v1/.well-known/openidconfiguration");

    public int MetadataRequests => _server.Requests.Count(r => r.RawTarget.EndsWith("openidconfiguration", StringComparison.Ordinal));

    public int KeyRequests => _server.Requests.Count(r => r.RawTarget.EndsWith("/keys", StringComparison.Ordinal));

    public static async Task<FakeBotFrameworkIdentity> StartAsync()
    {
        var identity = new FakeBotFrameworkIdentity();
        identity._server = await LoopbackServer.StartAsync(identity.RespondAsync);
        return identity;
    }

    /// <summary>
    /// A key distinct from every other this identity made. Generating an RSA key takes about a second on our
    /// machines, so a few are made once per test run and imported as needed.
    /// </summary>
    public TestKey CreateKey(string keyId, params string[]? endorsements)
    {
        var index = Interlocked.Increment(ref _keysMade) - 1;
        if (index >= KeyPool.Value.Length)
        {
            throw new InvalidOperationException($"A test may make at most {KeyPool.Value.Length} keys.");
        }

        var key = new TestKey(keyId, RSA.Create(KeyPool.Value[index]), endorsements);
        _everMade.Add(key);
        return key;
    }

    public TestKey Publish(TestKey key)
    {
        _published[key.KeyId] = key;
        return key;
    }

    public void Withdraw(TestKey key) => _published.TryRemove(key.KeyId, out _);

    /// <summary>The claims the Connector puts in a token for <paramref name="serviceUrl"/>, valid from now for an hour.</summary>
    public static JsonObject Claims(DateTimeOffset now, string serviceUrl) => new()
    {
        ["serviceurl"] = serviceUrl,
        ["nbf"] = now.ToUnixTimeSeconds() - 60,
        ["exp"] = now.ToUnixTimeSeconds() + 3600,
        ["iss"] = Issuer,
        ["aud"] = AppId,
    };

    public static string Sign(TestKey key, JsonObject claims, string algorithm = "RS256")
    {
        var header = new JsonObject { ["alg"] = algorithm, ["kid"] = key.KeyId, ["typ"] = "JWT" };
        var signingInput = $"{Encode(header.ToJsonString())}.{Encode(claims.ToJsonString())}";
        var hash = algorithm switch
        {
            "RS384" => HashAlgorithmName.SHA384,
            "RS512" => HashAlgorithmName.SHA512,
            _ => HashAlgorithmName.SHA256,
        };
        var signature = key.Rsa.SignData(Encoding.ASCII.GetBytes(signingInput), hash, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    public static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        foreach (var key in _everMade)
        {
            key.Rsa.Dispose();
        }
    }

    private async Task RespondAsync(RecordedRequest request, HttpContext context)
    {
        if (Down)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        context.Response.ContentType = "application/json";
        if (request.RawTarget.EndsWith("openidconfiguration", StringComparison.Ordinal))
        {
            var metadata = new JsonObject
            {
                ["issuer"] = Issuer,
                ["authorization_endpoint"] = "https://invalid.botframework.com",
                ["jwks_uri"] = new Uri(_server.BaseAddress, "v1/.well-known/keys").ToString(),
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            };
            await context.Response.WriteAsync(metadata.ToJsonString());
            return;
        }

        var keys = new JsonArray();
        foreach (var key in _published.Values)
        {
            var parameters = key.Rsa.ExportParameters(false);
            var jwk = new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = key.KeyId,
                ["n"] = Base64Url.EncodeToString(parameters.Modulus),
                ["e"] = Base64Url.EncodeToString(parameters.Exponent),
            };
            if (key.Endorsements is not null)
            {
                jwk["endorsements"] = JsonSerializer.SerializeToNode(key.Endorsements);
            }

            keys.Add(jwk);
        }

        await context.Response.WriteAsync(new JsonObject { ["keys"] = keys }.ToJsonString());
    }
}
