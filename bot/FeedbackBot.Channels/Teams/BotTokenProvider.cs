using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Channels.Teams;

/// <summary>
/// The bot's own bearer token for the Connector, from the client-credentials grant. The token is kept until
/// <see cref="RefreshMargin"/> before it expires; concurrent callers share one request for a new one. One instance
/// serves the whole process.
/// </summary>
public sealed class BotTokenProvider(
    HttpClient http, IOptions<TeamsOptions> options, TimeProvider time, ILogger<BotTokenProvider> logger) : IDisposable
{
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private const int MaxResponseBytes = 64 * 1024;
    private const int MaxErrorTextLength = 500;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile CachedToken? _token;

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Current() is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Whoever held the gate before us may have fetched a token already.
            if (Current() is { } fetched)
            {
                return fetched;
            }

            var token = await RequestAsync(cancellationToken);
            _token = token;
            return token.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private string? Current() => _token is { } token && time.GetUtcNow() < token.RefreshAt ? token.Value : null;

    private async Task<CachedToken> RequestAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsConfigured || string.IsNullOrWhiteSpace(settings.AppPassword))
        {
            throw new BotTokenException(
                $"{TeamsOptions.AppIdKey} and {TeamsOptions.AppPasswordKey} must be set for the bot to send to Teams.");
        }

        if (!EndpointRules.TryParse(settings.ResolvedTokenEndpoint, out var endpoint))
        {
            throw new BotTokenException($"{TeamsOptions.TokenEndpointKey} '{settings.ResolvedTokenEndpoint}' is not a usable address.");
        }

        var secret = settings.AppPassword;
        using var form = new FormUrlEncodedContent(
        [
            new("grant_type", "client_credentials"),
            new("client_id", settings.AppId!.Trim()),
            new("client_secret", secret),
            new("scope", TeamsOptions.ConnectorScope),
        ]);
        var requestedAt = time.GetUtcNow();
        byte[] body;
        int status;
        try
        {
            using var response = await http.PostAsync(endpoint, form, cancellationToken);
            status = (int)response.StatusCode;
            body = await BoundedContent.ReadAsync(response.Content, MaxResponseBytes, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidDataException
            or Polly.Timeout.TimeoutRejectedException
                or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new BotTokenException($"The token endpoint {endpoint} could not be reached: {Redact(ex.Message, secret)}", ex);
        }

        if (status is < 200 or > 299)
        {
            throw new BotTokenException(
                $"The token endpoint {endpoint} refused the credentials of {TeamsOptions.AppIdKey} '{settings.AppId}': "
                + $"{status} {DescribeError(body, secret)}");
        }

        var token = ReadToken(body, requestedAt)
            ?? throw new BotTokenException($"The token endpoint {endpoint} answered without an access_token and expires_in.");
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Got a Connector token from {Endpoint}, refreshed after {RefreshAt:O}", endpoint, token.RefreshAt);
        }

        return token;
    }

    private static CachedToken? ReadToken(byte[] body, DateTimeOffset requestedAt)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("access_token", out var accessToken) || accessToken.ValueKind != JsonValueKind.String
                || accessToken.GetString() is not { Length: > 0 } value
                || ReadSeconds(root) is not { } seconds || seconds <= 0)
            {
                return null;
            }

            var lifetime = TimeSpan.FromSeconds(seconds);
            // A token shorter-lived than twice the margin is used for half its life rather than not at all.
            var usable = lifetime > RefreshMargin * 2 ? lifetime - RefreshMargin : lifetime / 2;
            return new CachedToken(value, requestedAt + usable);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The v2 endpoint answers expires_in as a number; the older v1 endpoint as a string.
    private static double? ReadSeconds(JsonElement root)
    {
        if (!root.TryGetProperty("expires_in", out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDouble(out var number) => number,
            JsonValueKind.String when double.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    private static string DescribeError(byte[] body, string secret)
    {
        string text;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            var description = root.TryGetProperty("error_description", out var d) && d.ValueKind == JsonValueKind.String
                ? d.GetString()
                : null;
            text = error is null && description is null ? Encoding.UTF8.GetString(body) : $"{error}: {description}";
        }
        catch (JsonException)
        {
            text = Encoding.UTF8.GetString(body);
        }

        text = Redact(text, secret).Trim();
        return text.Length > MaxErrorTextLength ? text[..MaxErrorTextLength] + "…" : text;
    }

    // An endpoint that echoes what it was sent must not put the secret into our logs.
    private static string Redact(string text, string secret) =>
        text.Replace(secret, "***", StringComparison.Ordinal)
            .Replace(Uri.EscapeDataString(secret), "***", StringComparison.OrdinalIgnoreCase);

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt);
}
