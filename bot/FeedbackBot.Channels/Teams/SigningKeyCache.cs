using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace FeedbackBot.Channels.Teams;

/// <summary>
/// The Bot Framework's signing keys, read through its OpenID metadata and cached. The keys are read again when a
/// day old, and sooner when a token names a key we do not have (a rotation), but not more than once per
/// <see cref="RefreshGap"/>, so forged tokens with made-up key ids cannot turn the bot against the key server.
/// </summary>
internal sealed class SigningKeyCache(HttpClient http, Uri metadataUrl, TimeProvider time, ILogger logger) : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromHours(24);
    public static readonly TimeSpan RefreshGap = TimeSpan.FromMinutes(5);

    /// <summary>While no keys could be read at all, another try is allowed this soon, to recover from an outage.</summary>
    public static readonly TimeSpan RetryGapWithoutKeys = TimeSpan.FromSeconds(30);

    /// <summary>If the key server stays unreachable, keys this old are no longer trusted.</summary>
    public static readonly TimeSpan MaxKeyAge = TimeSpan.FromHours(48);

    private const int MaxDocumentBytes = 1024 * 1024;
    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false };

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile KeySet? _keys;
    private DateTimeOffset? _lastAttempt;
    private string? _lastError;
    private long _attempts;

    public async Task<(SigningKey? Key, string? Error)> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var keys = _keys;
        var now = time.GetUtcNow();
        if (keys is null || now - keys.FetchedAt >= RefreshInterval || !keys.ById.ContainsKey(keyId))
        {
            await RefreshIfAllowedAsync(cancellationToken);
            keys = _keys;
            now = time.GetUtcNow();
        }

        if (keys is null || now - keys.FetchedAt >= MaxKeyAge)
        {
            return (null, $"the Bot Framework signing keys could not be read from {metadataUrl}: {_lastError ?? "no keys"}");
        }

        return keys.ById.TryGetValue(keyId, out var key)
            ? (key, null)
            : (null, $"the signing key '{keyId}' is not among the Bot Framework's published keys");
    }

    public void Dispose() => _gate.Dispose();

    private async Task RefreshIfAllowedAsync(CancellationToken cancellationToken)
    {
        var seen = Interlocked.Read(ref _attempts);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Interlocked.Read(ref _attempts) != seen)
            {
                return; // another request refreshed while this one waited
            }

            var now = time.GetUtcNow();
            var gap = _keys is null ? RetryGapWithoutKeys : RefreshGap;
            if (_lastAttempt is { } last && now - last < gap)
            {
                return;
            }

            _lastAttempt = now;
            Interlocked.Increment(ref _attempts);
            try
            {
                var keys = await FetchAsync(cancellationToken);
                _keys = new KeySet(keys, now);
                _lastError = null;
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Read {Count} Bot Framework signing keys from {Url}", keys.Count, metadataUrl);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or InvalidDataException
                or Polly.Timeout.TimeoutRejectedException
                or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                _lastError = ex is OperationCanceledException ? "the request timed out" : ex.Message;
                logger.LogWarning("Could not read the Bot Framework signing keys from {Url}: {Error}", metadataUrl, _lastError);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Dictionary<string, SigningKey>> FetchAsync(CancellationToken cancellationToken)
    {
        using var metadata = await GetJsonAsync(metadataUrl, cancellationToken);
        if (!metadata.RootElement.TryGetProperty("jwks_uri", out var jwksValue) || jwksValue.ValueKind != JsonValueKind.String
            || !EndpointRules.TryParse(jwksValue.GetString(), out var jwksUri))
        {
            throw new InvalidDataException("the OpenID metadata has no usable https jwks_uri");
        }

        using var jwks = await GetJsonAsync(jwksUri, cancellationToken);
        if (!jwks.RootElement.TryGetProperty("keys", out var keyList) || keyList.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"the key set at {jwksUri} has no keys array");
        }

        var keys = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        foreach (var entry in keyList.EnumerateArray())
        {
            if (SigningKey.TryRead(entry) is { } key)
            {
                keys[key.KeyId] = key;
            }
        }

        return keys.Count > 0 ? keys : throw new InvalidDataException($"the key set at {jwksUri} has no usable RSA keys");
    }

    private async Task<JsonDocument> GetJsonAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{uri} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        var body = await BoundedContent.ReadAsync(response.Content, MaxDocumentBytes, cancellationToken);
        var document = JsonDocument.Parse(body, StrictJson);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new InvalidDataException($"{uri} did not answer a JSON object");
        }

        return document;
    }

    private sealed record KeySet(Dictionary<string, SigningKey> ById, DateTimeOffset FetchedAt);
}
