using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using FeedbackBot.Channels.BotFramework;
using FeedbackBot.Channels.Resilience;

namespace FeedbackBot.Channels.Teams;

/// <summary>
/// Calls the Bot Framework Connector at an activity's serviceUrl: reply, send, create a 1:1 conversation, update a
/// message, list a team's members. Every call carries the bot's bearer token. Its <see cref="HttpClient"/> is
/// <see cref="PlatformHttpClients.TeamsConnector"/>: each attempt is paced to Teams' limits
/// (<see cref="TeamsAttemptHandler"/>), and 429, 412, 502, 503, 504 and transport errors are retried (after Retry-After when
/// given, else exponential backoff with jitter) up to <see cref="PlatformResilienceOptions.MaxAttempts"/>. A 403 saying
/// the person blocked or removed the bot throws <see cref="RecipientUnreachableException"/> at once.
/// </summary>
public sealed class BotConnectorClient(
    HttpClient http,
    BotTokenProvider tokens,
    TimeProvider time,
    PlatformResilienceOptions? resilience = null)
{
    /// <summary>Teams refuses messages over about 100 KB; the bot stays well under.</summary>
    public const int MaxActivityBytes = 80 * 1024;

    public const string CorrelationHeader = "X-Correlating-OperationId";

    /// <summary>The most members Teams returns in one page.</summary>
    public const int MaxMembersPageSize = 500;

    // A page of 500 members with their names and addresses is well under this; an activity's answer far less.
    private const int MaxResponseBytes = 1024 * 1024;

    private readonly PlatformResilienceOptions _options = resilience ?? PlatformResilienceOptions.Default;

    /// <summary>Replies in the thread of <paramref name="replyToId"/>; returns the new message's id.</summary>
    public Task<string?> ReplyAsync(
        string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(replyToId);
        ArgumentNullException.ThrowIfNull(activity);
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(replyToId)}";
        return SendActivityAsync(
            HttpMethod.Post, serviceUrl, path, conversationId, activity with { ReplyToId = activity.ReplyToId ?? replyToId }, cancellationToken);
    }

    /// <summary>Sends to a conversation (proactively, or outside any thread); returns the new message's id.</summary>
    public Task<string?> SendAsync(
        string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        return SendActivityAsync(HttpMethod.Post, serviceUrl, path, conversationId, activity, cancellationToken);
    }

    /// <summary>Replaces a message the bot sent earlier, such as a card after it was answered.</summary>
    public Task<string?> UpdateAsync(
        string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}";
        return SendActivityAsync(HttpMethod.Put, serviceUrl, path, conversationId, activity with { Id = activity.Id ?? activityId }, cancellationToken);
    }

    /// <summary>
    /// Opens (or finds) the 1:1 conversation between the bot and a user, for a proactive message; returns its id.
    /// The ids may be given with or without their <c>29:</c> (user) and <c>28:</c> (bot) prefixes.
    /// </summary>
    public async Task<string> CreateConversationAsync(
        string serviceUrl, string tenantId, string userId, string botId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);
        var body = new JsonObject
        {
            ["bot"] = new JsonObject { ["id"] = WithPrefix("28:", botId) },
            ["members"] = new JsonArray(new JsonObject { ["id"] = WithPrefix("29:", userId) }),
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
            ["isGroup"] = false,
        };
        var uri = BuildUri(serviceUrl, "v3/conversations");
        var response = await CallAsync(
            HttpMethod.Post, uri, JsonSerializer.SerializeToUtf8Bytes(body), tenantId, $"create:{tenantId}:{userId}", cancellationToken);
        return ReadId(response)
            ?? throw new BotConnectorException($"The Connector at {uri.GetLeftPart(UriPartial.Authority)} created a conversation but returned no id.");
    }

    /// <summary>
    /// One page of the members of a team (or of any conversation), <c>GET /v3/conversations/{id}/pagedmembers</c>:
    /// pass the <see cref="TeamsMemberPage.ContinuationToken"/> of a page to get the next, until it is null. Teams
    /// allows at most 500 members a page. Paced in the tenant as the sends are, and retried like them.
    /// </summary>
    public async Task<TeamsMemberPage> GetPagedMembersAsync(
        string serviceUrl, string tenantId, string conversationId, int pageSize = MaxMembersPageSize, string? continuationToken = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxMembersPageSize);
        var query = $"pageSize={pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)}" +
            (string.IsNullOrEmpty(continuationToken) ? "" : $"&continuationToken={Uri.EscapeDataString(continuationToken)}");
        var uri = BuildUri(serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/pagedmembers?{query}");
        var body = await CallAsync(HttpMethod.Get, uri, null, tenantId, $"members:{conversationId}", cancellationToken);
        return TeamsMemberPage.Read(body)
            ?? throw new BotConnectorException($"The Connector at {uri.GetLeftPart(UriPartial.Authority)} answered the members of {conversationId} with no members list.");
    }

    private async Task<string?> SendActivityAsync(
        HttpMethod method, string serviceUrl, string path, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        var uri = BuildUri(serviceUrl, path);
        var body = JsonSerializer.SerializeToUtf8Bytes(activity, ActivityJson.Options);
        if (body.Length > MaxActivityBytes)
        {
            throw new ActivityTooLargeException(body.Length, MaxActivityBytes);
        }

        var tenant = TeamsActivities.GetTenantId(activity) ?? "";
        return ReadId(await CallAsync(method, uri, body, tenant, conversationId, cancellationToken));
    }

    private async Task<byte[]> CallAsync(
        HttpMethod method, Uri uri, byte[]? body, string tenantKey, string conversationKey, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(cancellationToken);
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            // Bytes, not a stream, so that the retry handler can send the same content again.
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Options.Set(TeamsAttemptHandler.TenantKey, tenantKey);
        request.Options.Set(TeamsAttemptHandler.ConversationKey, conversationKey);

        // Retries, pacing and time-outs happen in the client's handlers (PlatformHttpClients); this is the last answer.
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var correlationId = response.Headers.TryGetValues(CorrelationHeader, out var values) ? values.FirstOrDefault() : null;
        var status = response.StatusCode;
        var responseBody = await ReadBodyAsync(response, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return responseBody;
        }

        var error = ConnectorError.Read(responseBody);
        var described = $"{method} {uri.AbsolutePath} answered {(int)status} {error.Describe()}".TrimEnd() + $" ({CorrelationHeader} {correlationId ?? "none"})";
        if (status == HttpStatusCode.Forbidden && error.UnreachableReason is { } reason)
        {
            throw new RecipientUnreachableException(
                $"Teams will not deliver this message ({reason}): the person blocked or removed the bot, or it is not allowed for them. {described}",
                reason, correlationId);
        }

        if (!TeamsAttemptHandler.IsTransient(response))
        {
            throw new BotConnectorException($"The Connector refused the call: {described}", status, error.SubCode ?? error.Code, correlationId);
        }

        if (PlatformHttpClients.AsksTooLong(response, _options, time))
        {
            throw new BotConnectorException(
                $"The Connector asked to wait {PlatformHttpClients.RetryAfter(response, time)}, longer than the {_options.MaxRetryAfter} the bot waits: {described}",
                status, error.SubCode ?? error.Code, correlationId);
        }

        throw new BotConnectorException(
            $"The Connector still failed after {_options.MaxAttempts} attempts: {described}", status, error.SubCode ?? error.Code, correlationId);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await BoundedContent.ReadAsync(response.Content, MaxResponseBytes, cancellationToken);
        }
        catch (InvalidDataException)
        {
            return [];
        }
    }

    private static string? ReadId(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                    ? id.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The call's address under the serviceUrl, which may or may not end in a slash and usually has a path of its own
    /// (https://smba.trafficmanager.net/emea/). It receives the bot's token, so it must be https, or http on loopback.
    /// </summary>
    internal static Uri BuildUri(string serviceUrl, string relativePath)
    {
        if (string.IsNullOrWhiteSpace(serviceUrl) || !Uri.TryCreate(serviceUrl.Trim(), UriKind.Absolute, out var baseUri)
            || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"The serviceUrl '{serviceUrl}' is not an absolute http(s) address.", nameof(serviceUrl));
        }

        if (!EndpointRules.IsAcceptable(baseUri))
        {
            throw new ArgumentException(
                $"The serviceUrl '{serviceUrl}' must use https (plain http only on loopback): it would receive the bot's token.",
                nameof(serviceUrl));
        }

        var root = baseUri.GetLeftPart(UriPartial.Path);
        return new Uri(new Uri(root.EndsWith('/') ? root : root + "/"), relativePath);
    }

    private static string WithPrefix(string prefix, string id)
    {
        var trimmed = id.Trim();
        return trimmed.StartsWith(prefix, StringComparison.Ordinal) ? trimmed : prefix + trimmed;
    }
}
