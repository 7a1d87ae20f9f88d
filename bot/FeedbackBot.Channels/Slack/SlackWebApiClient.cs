using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using FeedbackBot.Channels.Resilience;
using FeedbackBot.Channels.Teams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Channels.Slack;

/// <summary>
/// Calls the Slack Web API with a workspace's token given per call, since each workspace has its own. Bodies are JSON
/// with <c>Authorization: Bearer</c>; every answer's <c>ok</c> is checked and <c>ok: false</c> throws
/// <see cref="SlackApiException"/> naming the method and Slack's error, or <see cref="SlackRecipientUnreachableException"/>
/// when the person cannot be reached. Its <see cref="HttpClient"/> is <see cref="PlatformHttpClients.SlackWebApi"/>:
/// 429 is retried after Retry-After, 5xx and transport errors with backoff, for at most
/// <see cref="PlatformResilienceOptions.MaxAttempts"/> attempts, and each attempt is paced by <see cref="SlackApiPacer"/>
/// (<see cref="SlackAttemptHandler"/>).
/// </summary>
public sealed class SlackWebApiClient(
    HttpClient http,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackWebApiClient> logger,
    PlatformResilienceOptions? resilience = null)
{
    public const string ResponseUrlMethod = "response_url";

    private const int MaxResponseBytes = 1024 * 1024;

    /// <summary>Errors that mean the person, not the call, is the problem.</summary>
    private static readonly HashSet<string> UnreachablePerson = new(StringComparer.Ordinal)
    {
        "account_inactive", "user_not_found", "user_disabled", "cannot_dm_bot",
    };

    /// <summary>Errors that mean the person is unreachable only when the channel was their direct message.</summary>
    private static readonly HashSet<string> UnreachableDirectMessage = new(StringComparer.Ordinal)
    {
        "channel_not_found", "is_archived", "not_in_channel",
    };

    private readonly PlatformResilienceOptions _options = resilience ?? PlatformResilienceOptions.Default;

    /// <summary><c>chat.postMessage</c>: posts to a channel or direct message (in a thread when given); returns the message's ts.</summary>
    public async Task<string> PostMessageAsync(
        string token, string channel, string text, JsonArray? blocks = null, string? threadTs = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentNullException.ThrowIfNull(text);
        const string method = "chat.postMessage";
        using var answer = await CallJsonAsync(method, token, channel, w =>
        {
            w.WriteString("channel", channel);
            w.WriteString("text", text);
            WriteNode(w, "blocks", blocks);
            WriteIfPresent(w, "thread_ts", threadTs);
        }, cancellationToken);
        return RequiredString(method, answer.RootElement, "ts");
    }

    /// <summary><c>chat.update</c>: replaces the text and blocks of a message the bot posted.</summary>
    public async Task UpdateMessageAsync(
        string token, string channel, string ts, string text, JsonArray? blocks = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(ts);
        ArgumentNullException.ThrowIfNull(text);
        using var answer = await CallJsonAsync("chat.update", token, channel, w =>
        {
            w.WriteString("channel", channel);
            w.WriteString("ts", ts);
            w.WriteString("text", text);
            // An empty array, not an absent field, is what removes blocks the message had.
            WriteNode(w, "blocks", blocks ?? []);
        }, cancellationToken);
    }

    /// <summary><c>chat.postEphemeral</c>: a message in a channel that only <paramref name="user"/> sees; returns its message_ts.</summary>
    public async Task<string?> PostEphemeralAsync(
        string token, string channel, string user, string text, JsonArray? blocks = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        ArgumentNullException.ThrowIfNull(text);
        using var answer = await CallJsonAsync("chat.postEphemeral", token, channel, w =>
        {
            w.WriteString("channel", channel);
            w.WriteString("user", user);
            w.WriteString("text", text);
            WriteNode(w, "blocks", blocks);
        }, cancellationToken);
        return JsonFields.String(answer.RootElement, "message_ts");
    }

    /// <summary><c>conversations.open</c>: opens (or finds) the direct message with one or more people; returns its channel id.</summary>
    public async Task<string> OpenConversationAsync(string token, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        if (userIds.Count == 0 || userIds.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("At least one user id, none empty, is needed.", nameof(userIds));
        }

        const string method = "conversations.open";
        using var answer = await CallJsonAsync(method, token, null, w => w.WriteString("users", string.Join(',', userIds)), cancellationToken);
        return JsonFields.Object(answer.RootElement, "channel") is { } channel && JsonFields.String(channel, "id") is { Length: > 0 } id
            ? id
            : throw new SlackApiException(method, "invalid_response", detail: "the answer has no channel.id");
    }

    /// <summary><c>views.open</c>: opens a modal for the person whose <paramref name="triggerId"/> it is (valid for 3 s).</summary>
    public async Task<SlackViewRef> OpenViewAsync(string token, string triggerId, JsonObject view, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(triggerId);
        ArgumentNullException.ThrowIfNull(view);
        const string method = "views.open";
        using var answer = await CallJsonAsync(method, token, null, w =>
        {
            w.WriteString("trigger_id", triggerId);
            WriteNode(w, "view", view);
        }, cancellationToken);
        return ReadView(method, answer.RootElement);
    }

    /// <summary><c>views.update</c>: replaces an open modal; with <paramref name="hash"/>, only if nobody changed it since.</summary>
    public async Task<SlackViewRef> UpdateViewAsync(
        string token, string viewId, JsonObject view, string? hash = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(viewId);
        ArgumentNullException.ThrowIfNull(view);
        const string method = "views.update";
        using var answer = await CallJsonAsync(method, token, null, w =>
        {
            w.WriteString("view_id", viewId);
            WriteNode(w, "view", view);
            WriteIfPresent(w, "hash", hash);
        }, cancellationToken);
        return ReadView(method, answer.RootElement);
    }

    /// <summary><c>views.publish</c>: shows <paramref name="view"/> (a <c>home</c> view) as the person's App Home tab.</summary>
    public async Task<SlackViewRef> PublishViewAsync(string token, string userId, JsonObject view, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(view);
        const string method = "views.publish";
        using var answer = await CallJsonAsync(method, token, null, w =>
        {
            w.WriteString("user_id", userId);
            WriteNode(w, "view", view);
        }, cancellationToken);
        return ReadView(method, answer.RootElement);
    }

    /// <summary><c>users.info</c>: who a person is, and whether they are a bot or deactivated.</summary>
    public async Task<SlackUserInfo> GetUserAsync(string token, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        const string method = "users.info";
        // users.info reads its arguments from a form (or the query) only; Slack ignores a JSON body for it.
        using var answer = await CallAsync(
            method, token, null, () => Form(("user", userId)), cancellationToken);
        if (JsonFields.Object(answer.RootElement, "user") is not { } user || JsonFields.String(user, "id") is not { Length: > 0 } id)
        {
            throw new SlackApiException(method, "invalid_response", detail: "the answer has no user.id");
        }

        return new SlackUserInfo(
            id,
            JsonFields.String(user, "name"),
            JsonFields.String(user, "real_name") ?? (JsonFields.Object(user, "profile") is { } profile ? JsonFields.String(profile, "real_name") : null),
            JsonFields.String(user, "team_id"),
            JsonFields.Boolean(user, "is_bot") ?? false,
            JsonFields.Boolean(user, "deleted") ?? false);
    }

    /// <summary>
    /// <c>users.list</c>: one page of the workspace's members with their profiles (name, e-mail address, title); pass
    /// the page's <see cref="SlackUserPage.NextCursor"/> to get the next, until it is null. Slack recommends pages of
    /// at most 200. The e-mail address is there only when the app has the <c>users:read.email</c> scope.
    /// </summary>
    public async Task<SlackUserPage> ListUsersAsync(string token, string? cursor = null, int limit = 200, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        const string method = "users.list";
        var fields = new List<(string, string)> { ("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        if (!string.IsNullOrEmpty(cursor))
        {
            fields.Add(("cursor", cursor));
        }

        // Like users.info, users.list reads its arguments from a form or the query, not from a JSON body.
        using var answer = await CallAsync(method, token, null, () => Form([.. fields]), cancellationToken);
        if (JsonFields.Array(answer.RootElement, "members") is not { } members)
        {
            throw new SlackApiException(method, "invalid_response", detail: "the answer has no members");
        }

        var next = JsonFields.Object(answer.RootElement, "response_metadata") is { } metadata ? JsonFields.String(metadata, "next_cursor") : null;
        return new SlackUserPage([.. members.EnumerateArray().Select(SlackMember.Read).OfType<SlackMember>()], string.IsNullOrEmpty(next) ? null : next);
    }

    /// <summary>
    /// <c>oauth.v2.access</c>: exchanges the code from the install redirect for the workspace's bot token, with the app's
    /// <see cref="SlackOptions.ClientId"/> and <see cref="SlackOptions.ClientSecret"/>. Slack takes this one as a form.
    /// </summary>
    public async Task<SlackOAuthAccess> ExchangeOAuthCodeAsync(string code, string? redirectUri = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        var settings = options.Value;
        if (!settings.UsesOAuthInstall)
        {
            throw new InvalidOperationException($"{SlackOptions.ClientIdKey} and {SlackOptions.ClientSecretKey} are needed to complete an install.");
        }

        const string method = "oauth.v2.access";
        var redirect = string.IsNullOrWhiteSpace(redirectUri) ? settings.OAuthRedirectUrl : redirectUri;
        var fields = new List<(string, string)>
        {
            ("client_id", settings.ClientId!.Trim()),
            ("client_secret", settings.ClientSecret!.Trim()),
            ("code", code),
        };
        if (!string.IsNullOrWhiteSpace(redirect))
        {
            fields.Add(("redirect_uri", redirect.Trim()));
        }

        using var answer = await CallAsync(method, null, null, () => Form([.. fields]), cancellationToken);
        var root = answer.RootElement;
        var team = JsonFields.Object(root, "team");
        var accessToken = JsonFields.String(root, "access_token");
        var teamId = team is { } t ? JsonFields.String(t, "id") : null;
        if (string.IsNullOrEmpty(accessToken) || string.IsNullOrEmpty(teamId))
        {
            throw new SlackApiException(method, "invalid_response", detail: "the answer has no access_token or team.id");
        }

        var scopes = (JsonFields.String(root, "scope") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new SlackOAuthAccess(
            accessToken, JsonFields.String(root, "bot_user_id"), teamId, JsonFields.String(team!.Value, "name"), JsonFields.String(root, "app_id"), scopes);
    }

    /// <summary><c>apps.connections.open</c>: a fresh, single-use WebSocket address for Socket Mode, with the app-level token.</summary>
    public async Task<Uri> OpenSocketConnectionAsync(string appToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appToken);
        const string method = "apps.connections.open";
        using var answer = await CallAsync(method, appToken, null, () => Form(), cancellationToken);
        var url = JsonFields.String(answer.RootElement, "url");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeWss || (uri.Scheme == Uri.UriSchemeWs && uri.IsLoopback)))
        {
            throw new SlackApiException(method, "invalid_response", detail: "the answer has no wss:// url");
        }

        return uri;
    }

    /// <summary>
    /// Posts to an interaction's or slash command's <c>response_url</c>: a reply visible to the person alone (or to the
    /// channel when <paramref name="inChannel"/>), or the replacement of the message they acted on.
    /// </summary>
    public async Task RespondAsync(
        string responseUrl,
        string text,
        JsonArray? blocks = null,
        bool replaceOriginal = false,
        bool inChannel = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!EndpointRules.TryParse(responseUrl, out var uri))
        {
            throw new ArgumentException($"The response_url '{responseUrl}' is not an absolute https address.", nameof(responseUrl));
        }

        var body = Json(w =>
        {
            w.WriteString("text", text);
            WriteNode(w, "blocks", blocks);
            w.WriteBoolean("replace_original", replaceOriginal);
            w.WriteString("response_type", inChannel ? "in_channel" : "ephemeral");
        });
        using var answer = await SendAsync(ResponseUrlMethod, uri, null, null, null, () => JsonContent(body), cancellationToken);
    }

    private Task<JsonDocument> CallJsonAsync(
        string method, string token, string? channel, Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        var body = Json(write);
        return CallAsync(method, token, channel, () => JsonContent(body), cancellationToken);
    }

    private Task<JsonDocument> CallAsync(
        string method, string? token, string? channel, Func<HttpContent> content, CancellationToken cancellationToken)
    {
        if (token is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(token);
        }

        var uri = new Uri(new Uri(options.Value.ResolvedApiBaseUrl), method);
        if (!EndpointRules.IsAcceptable(uri))
        {
            throw new InvalidOperationException(
                $"{SlackOptions.ApiBaseUrlKey} must use https (plain http only on loopback): the Web API receives the bot's token.");
        }

        return SendAsync(method, uri, token, token, channel, content, cancellationToken);
    }

    private async Task<JsonDocument> SendAsync(
        string method, Uri uri, string? token, string? workspaceKey, string? channel, Func<HttpContent> content, CancellationToken cancellationToken)
    {
        // The content is bytes (JSON or a form), so the retry handler can send it again.
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content() };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
        }

        if (workspaceKey is not null)
        {
            request.Options.Set(SlackAttemptHandler.MethodKey, method);
            request.Options.Set(SlackAttemptHandler.WorkspaceKey, workspaceKey);
            if (channel is not null)
            {
                request.Options.Set(SlackAttemptHandler.ChannelKey, channel);
            }
        }

        // Retries, pacing and time-outs happen in the client's handlers (PlatformHttpClients); this is the last answer.
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var status = response.StatusCode;
        var body = await ReadBodyAsync(response, cancellationToken);
        var document = TryParse(body);
        var error = document is null ? null : JsonFields.String(document.RootElement, "error");

        var throttled = status == HttpStatusCode.TooManyRequests;
        if (!SlackAttemptHandler.IsTransient(response))
        {
            return Accept(method, status, document, error, channel);
        }

        document?.Dispose();
        var failure = throttled ? error ?? "ratelimited" : $"http_{(int)status}";
        if (logger.IsEnabled(LogLevel.Warning))
        {
            logger.LogWarning("Slack {Method} answered {Status} ({Error})", method, (int)status, failure);
        }

        if (PlatformHttpClients.AsksTooLong(response, _options, time))
        {
            throw new SlackApiException(
                method, failure, status, $"Slack asked to wait {PlatformHttpClients.RetryAfter(response, time)}, longer than the {_options.MaxRetryAfter} the bot waits");
        }

        throw new SlackApiException(method, failure, status, $"still failing after {_options.MaxAttempts} attempts");
    }

    private JsonDocument Accept(string method, HttpStatusCode status, JsonDocument? document, string? error, string? channel)
    {
        var ok = document is null ? null : JsonFields.Boolean(document.RootElement, "ok");
        if (ok == true && (int)status < 300)
        {
            if (logger.IsEnabled(LogLevel.Debug) && document is not null && JsonFields.String(document.RootElement, "warning") is { } warning)
            {
                logger.LogDebug("Slack {Method} succeeded with a warning: {Warning}", method, warning);
            }

            return document!;
        }

        document?.Dispose();
        // A response_url answers a plain "ok" (or nothing) on success rather than a JSON envelope.
        if (method == ResponseUrlMethod && (int)status < 300 && ok is null)
        {
            return JsonDocument.Parse("{}");
        }

        var reason = error ?? ((int)status < 300 ? "invalid_response" : $"http_{(int)status}");
        if (logger.IsEnabled(LogLevel.Warning))
        {
            logger.LogWarning("Slack {Method} failed with {Status}: {Error}", method, (int)status, reason);
        }

        if (IsUnreachable(reason, channel))
        {
            throw new SlackRecipientUnreachableException(method, reason);
        }

        throw new SlackApiException(method, reason, status);
    }

    private static bool IsUnreachable(string error, string? channel) =>
        UnreachablePerson.Contains(error)
        // Direct message channel ids start with D; in a shared channel the same errors are a set-up problem instead.
        || (UnreachableDirectMessage.Contains(error) && channel is not null && channel.StartsWith('D'));

    private static SlackViewRef ReadView(string method, JsonElement root) =>
        JsonFields.Object(root, "view") is { } view && JsonFields.String(view, "id") is { Length: > 0 } id
            ? new SlackViewRef(id, JsonFields.String(view, "hash"))
            : throw new SlackApiException(method, "invalid_response", detail: "the answer has no view.id");

    private static string RequiredString(string method, JsonElement root, string name) =>
        JsonFields.String(root, name) is { Length: > 0 } value
            ? value
            : throw new SlackApiException(method, "invalid_response", detail: $"the answer has no {name}");

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

    private static JsonDocument? TryParse(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static ByteArrayContent JsonContent(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    // Written from the caller's node rather than attached to a new parent, which would take it from its own tree.
    private static void WriteNode(Utf8JsonWriter writer, string name, JsonNode? node)
    {
        if (node is null)
        {
            return;
        }

        writer.WritePropertyName(name);
        node.WriteTo(writer);
    }

    private static void WriteIfPresent(Utf8JsonWriter writer, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            writer.WriteString(name, value);
        }
    }
}
