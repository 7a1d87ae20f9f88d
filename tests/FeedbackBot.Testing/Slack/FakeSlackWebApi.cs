using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FeedbackBot.Testing.Teams;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace FeedbackBot.Testing.Slack;

/// <summary>
/// The Slack Web API on loopback. It records every call (method, token, parsed body), answers each method the way
/// Slack does, can be told to throttle or fail the next calls of a method, and can hold <c>chat.postMessage</c> to a
/// per-channel rate, counting the calls that break it. Interaction <c>response_url</c>s point at it too. The people
/// it is given (<see cref="AddUser"/>) answer <c>users.info</c>, and <c>users.list</c> lists them page by page.
/// </summary>
public sealed class FakeSlackWebApi : IAsyncDisposable
{
    public const string InstalledTeamId = "T0INSTALL";
    public const string InstalledTeamName = "Installed Workspace";
    public const string InstalledBotUserId = "U0BOTUSER";
    public const string AppId = "A0FEEDBACK";
    public const string InstalledScopes = "chat:write,commands,im:write,users:read";

    private readonly TimeProvider _time;
    private readonly ConcurrentQueue<SlackApiCall> _calls = new();
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<Func<HttpContext, Task>?>> _scripts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeSlackUser> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _directMessages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _viewHashes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DateTimeOffset>> _channelPosts = new(StringComparer.Ordinal);
    private (int Limit, TimeSpan Period)? _channelRate;
    private LoopbackServer _server = null!;
    private int _messages;
    private int _views;
    private int _violations;

    private FakeSlackWebApi(TimeProvider time) => _time = time;

    /// <summary>What <c>Slack:ApiBaseUrl</c> should be set to.</summary>
    public string ApiBaseUrl => _server.BaseAddress + "api/";

    public IReadOnlyList<SlackApiCall> Calls => [.. _calls];

    /// <summary>Calls of <c>chat.postMessage</c> refused because they came faster than the enforced channel rate.</summary>
    public int RateViolations => Volatile.Read(ref _violations);

    /// <summary>Where <c>apps.connections.open</c> sends the bot; without one it hands out an address nothing listens on.</summary>
    public FakeSocketModeServer? SocketMode { get; set; }

    public string ClientId { get; set; } = "1111.2222";

    public string ClientSecret { get; set; } = "client-secret-value";

    /// <summary>The one install code <c>oauth.v2.access</c> accepts.</summary>
    public string OAuthCode { get; set; } = "install-code-1";

    public static async Task<FakeSlackWebApi> StartAsync(TimeProvider? time = null)
    {
        var api = new FakeSlackWebApi(time ?? TimeProvider.System);
        api._server = await LoopbackServer.StartAsync(api.RespondAsync);
        return api;
    }

    public IReadOnlyList<SlackApiCall> CallsTo(string method) => [.. _calls.Where(c => c.Method == method)];

    /// <summary>A <c>response_url</c> on this fake; calls to it are recorded with the method <c>response_url</c>.</summary>
    public string ResponseUrl(string name) => _server.BaseAddress + "respond/" + Uri.EscapeDataString(name);

    public void AddUser(FakeSlackUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (_lock)
        {
            _users[user.Id] = user;
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> calls of <paramref name="method"/> are answered as usual, ahead of what is
    /// scripted after them: a later page of a list can be made to fail after the first was served.
    /// </summary>
    public void AnswerNormallyNext(string method, int count) => Script(method, count, null);

    /// <summary>The next <paramref name="count"/> calls of <paramref name="method"/> get 429 with Retry-After.</summary>
    public void ThrottleNext(string method, int count, int retryAfterSeconds) =>
        Script(method, count, context => Answer(
            context, new JsonObject { ["ok"] = false, ["error"] = "ratelimited" }, 429,
            ("Retry-After", retryAfterSeconds.ToString(CultureInfo.InvariantCulture))));

    /// <summary>The next <paramref name="count"/> calls of <paramref name="method"/> get <c>ok: false</c> with <paramref name="error"/>.</summary>
    public void FailNext(string method, int count, string error) =>
        Script(method, count, context => Answer(context, new JsonObject { ["ok"] = false, ["error"] = error }));

    /// <summary>The next <paramref name="count"/> calls of <paramref name="method"/> get an HTTP server error.</summary>
    public void ServerErrorNext(string method, int count, int status = 503) =>
        Script(method, count, context => Answer(context, new JsonObject { ["ok"] = false, ["error"] = "internal_error" }, status));

    /// <summary>The next <paramref name="count"/> calls of <paramref name="method"/> get no answer: the connection is closed.</summary>
    public void CloseConnectionNext(string method, int count) =>
        Script(method, count, context =>
        {
            context.Abort();
            return Task.CompletedTask;
        });

    /// <summary>
    /// From now on, a <c>chat.postMessage</c> to a channel that already had <paramref name="limit"/> messages in the
    /// last <paramref name="period"/> (default: one second) is refused with 429 and counted in <see cref="RateViolations"/>.
    /// </summary>
    public void EnforceChannelRate(int limit = 1, TimeSpan? period = null)
    {
        lock (_lock)
        {
            _channelRate = (limit, period ?? TimeSpan.FromSeconds(1));
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private void Script(string method, int count, Func<HttpContext, Task>? answer)
    {
        lock (_lock)
        {
            if (!_scripts.TryGetValue(method, out var queue))
            {
                queue = new Queue<Func<HttpContext, Task>?>();
                _scripts[method] = queue;
            }

            for (var i = 0; i < count; i++)
            {
                queue.Enqueue(answer);
            }
        }
    }

    private async Task RespondAsync(RecordedRequest request, HttpContext context)
    {
        var path = request.RawTarget.Split('?')[0];
        var isResponseUrl = path.StartsWith("/respond/", StringComparison.Ordinal);
        var method = isResponseUrl ? "response_url" : path.StartsWith("/api/", StringComparison.Ordinal) ? path["/api/".Length..] : path;
        var authorization = request.Header("Authorization");
        var token = authorization?.StartsWith("Bearer ", StringComparison.Ordinal) == true ? authorization["Bearer ".Length..] : null;
        var contentType = request.Header("Content-Type");
        var body = ParseBody(request.Body, contentType);
        _calls.Enqueue(new SlackApiCall(method, token, body ?? [], contentType, _time.GetUtcNow()));

        Func<HttpContext, Task>? scripted = null;
        lock (_lock)
        {
            if (_scripts.TryGetValue(method, out var queue) && queue.Count > 0)
            {
                scripted = queue.Dequeue();
            }
        }

        if (scripted is not null)
        {
            await scripted(context);
            return;
        }

        if (body is null)
        {
            await Fail(context, "invalid_json");
            return;
        }

        if (isResponseUrl)
        {
            await Answer(context, new JsonObject { ["ok"] = true });
            return;
        }

        if (TokenProblem(method, token) is { } tokenError)
        {
            await Fail(context, tokenError);
            return;
        }

        await (method switch
        {
            "chat.postMessage" => PostMessage(context, body),
            "chat.update" => Require(context, body, ["channel", "ts"], "message_not_found", () => new JsonObject
            {
                ["ok"] = true,
                ["channel"] = Text(body, "channel"),
                ["ts"] = Text(body, "ts"),
                ["text"] = Text(body, "text"),
            }),
            "chat.postEphemeral" => Require(context, body, ["channel", "user"], "user_not_in_channel", () => new JsonObject
            {
                ["ok"] = true,
                ["message_ts"] = NextTs(),
            }),
            "conversations.open" => OpenConversation(context, body),
            "views.open" => Require(context, body, ["trigger_id"], "invalid_trigger_id", () => NewView(body, null)),
            "views.update" => UpdateView(context, body),
            "views.publish" => Require(context, body, ["user_id"], "invalid_arguments", () => NewView(body, null)),
            "users.info" => UserInfo(context, body),
            "users.list" => ListUsers(context, body),
            "oauth.v2.access" => OAuthAccess(context, body),
            "apps.connections.open" => Answer(context, new JsonObject
            {
                ["ok"] = true,
                ["url"] = (SocketMode?.IssueUrl() ?? new Uri("wss://127.0.0.1:1/link/?ticket=none")).ToString(),
            }),
            _ => Fail(context, "unknown_method"),
        });
    }

    private static string? TokenProblem(string method, string? token) => method switch
    {
        "oauth.v2.access" => null,
        _ when string.IsNullOrEmpty(token) => "not_authed",
        "apps.connections.open" => token.StartsWith("xapp-", StringComparison.Ordinal) ? null : "not_allowed_token_type",
        _ => token.StartsWith("xoxb-", StringComparison.Ordinal) ? null : "invalid_auth",
    };

    private Task PostMessage(HttpContext context, JsonObject body)
    {
        var channel = Text(body, "channel");
        if (string.IsNullOrEmpty(channel))
        {
            return Fail(context, "channel_not_found");
        }

        if (string.IsNullOrEmpty(Text(body, "text")) && body["blocks"] is null)
        {
            return Fail(context, "no_text");
        }

        lock (_lock)
        {
            if (_channelRate is { } rate)
            {
                var now = _time.GetUtcNow();
                if (!_channelPosts.TryGetValue(channel, out var posts))
                {
                    posts = [];
                    _channelPosts[channel] = posts;
                }

                if (posts.Count(p => p > now - rate.Period) >= rate.Limit)
                {
                    _violations++;
                    return Answer(context, new JsonObject { ["ok"] = false, ["error"] = "ratelimited" }, 429, ("Retry-After", "1"));
                }

                posts.Add(now);
            }
        }

        var ts = NextTs();
        return Answer(context, new JsonObject
        {
            ["ok"] = true,
            ["channel"] = channel,
            ["ts"] = ts,
            ["message"] = new JsonObject { ["text"] = Text(body, "text"), ["ts"] = ts },
        });
    }

    private Task OpenConversation(HttpContext context, JsonObject body)
    {
        var users = Text(body, "users");
        if (string.IsNullOrEmpty(users))
        {
            return Fail(context, "users_list_not_supplied");
        }

        string id;
        lock (_lock)
        {
            foreach (var userId in users.Split(','))
            {
                if (_users.TryGetValue(userId, out var user) && user.IsBot)
                {
                    return Fail(context, "cannot_dm_bot");
                }

                if (user?.Deleted == true)
                {
                    return Fail(context, "user_disabled");
                }
            }

            if (!_directMessages.TryGetValue(users, out id!))
            {
                id = $"D{_directMessages.Count + 1:D8}";
                _directMessages[users] = id;
            }
        }

        return Answer(context, new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = id } });
    }

    private Task UpdateView(HttpContext context, JsonObject body)
    {
        var viewId = Text(body, "view_id");
        lock (_lock)
        {
            if (string.IsNullOrEmpty(viewId) || !_viewHashes.TryGetValue(viewId, out var current))
            {
                return Fail(context, "not_found");
            }

            if (Text(body, "hash") is { } hash && hash != current)
            {
                return Fail(context, "hash_conflict");
            }
        }

        return Answer(context, NewView(body, viewId));
    }

    private JsonObject NewView(JsonObject body, string? existingId)
    {
        lock (_lock)
        {
            var number = ++_views;
            var id = existingId ?? $"V{number:D8}";
            var hash = $"{number}.hash";
            _viewHashes[id] = hash;
            var callbackId = body["view"] is JsonObject view ? Text(view, "callback_id") : null;
            return new JsonObject { ["ok"] = true, ["view"] = new JsonObject { ["id"] = id, ["hash"] = hash, ["callback_id"] = callbackId } };
        }
    }

    private Task UserInfo(HttpContext context, JsonObject body)
    {
        FakeSlackUser? user;
        lock (_lock)
        {
            _users.TryGetValue(Text(body, "user") ?? "", out user);
        }

        return user is null
            ? Fail(context, "user_not_found")
            : Answer(context, new JsonObject
            {
                ["ok"] = true,
                ["user"] = new JsonObject
                {
                    ["id"] = user.Id,
                    ["team_id"] = user.TeamId,
                    ["name"] = user.Name,
                    ["real_name"] = user.RealName,
                    ["deleted"] = user.Deleted,
                    ["is_bot"] = user.IsBot,
                    ["profile"] = new JsonObject { ["real_name"] = user.RealName },
                },
            });
    }

    // Every member in id order with Slackbot among them, as Slack lists a workspace: limit per page, and an opaque
    // cursor (base64 of "user:" and the next id, as Slack's look) in response_metadata.next_cursor, empty on the last.
    private Task ListUsers(HttpContext context, JsonObject body)
    {
        var limit = int.TryParse(Text(body, "limit"), CultureInfo.InvariantCulture, out var asked) && asked > 0 ? Math.Min(asked, 1000) : 1000;
        List<FakeSlackUser> users;
        lock (_lock)
        {
            users = [.. _users.Values.Append(new FakeSlackUser("USLACKBOT", "slackbot", "Slackbot", InstalledTeamId)).OrderBy(u => u.Id, StringComparer.Ordinal)];
        }

        var start = 0;
        if (Text(body, "cursor") is { Length: > 0 } cursor)
        {
            string after;
            try
            {
                after = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            }
            catch (FormatException)
            {
                return Fail(context, "invalid_cursor");
            }

            start = users.FindIndex(u => "user:" + u.Id == after);
            if (start < 0)
            {
                return Fail(context, "invalid_cursor");
            }
        }

        var page = users.Skip(start).Take(limit).ToList();
        var next = start + limit < users.Count ? Convert.ToBase64String(Encoding.UTF8.GetBytes("user:" + users[start + limit].Id)) : "";
        return Answer(context, new JsonObject
        {
            ["ok"] = true,
            ["members"] = new JsonArray([.. page.Select(Member)]),
            ["cache_ts"] = 1767225600,
            ["response_metadata"] = new JsonObject { ["next_cursor"] = next },
        });
    }

    private static JsonNode Member(FakeSlackUser user)
    {
        var profile = new JsonObject
        {
            ["title"] = user.Title ?? "",
            ["real_name"] = user.RealName,
            ["real_name_normalized"] = user.RealName,
            ["display_name"] = user.Name,
            ["display_name_normalized"] = user.Name,
            ["team"] = user.TeamId,
        };
        if (user.Email is not null)
        {
            profile["email"] = user.Email;
        }

        return new JsonObject
        {
            ["id"] = user.Id,
            ["team_id"] = user.TeamId,
            ["name"] = user.Name,
            ["deleted"] = user.Deleted,
            ["real_name"] = user.RealName,
            ["tz"] = "Europe/London",
            ["profile"] = profile,
            ["is_admin"] = false,
            ["is_owner"] = false,
            ["is_restricted"] = false,
            ["is_ultra_restricted"] = false,
            ["is_bot"] = user.IsBot,
            ["is_app_user"] = false,
            ["updated"] = 1767225600,
        };
    }

    private Task OAuthAccess(HttpContext context, JsonObject body)
    {
        if (Text(body, "client_id") != ClientId)
        {
            return Fail(context, "invalid_client_id");
        }

        if (Text(body, "client_secret") != ClientSecret)
        {
            return Fail(context, "bad_client_secret");
        }

        if (Text(body, "code") != OAuthCode)
        {
            return Fail(context, "invalid_code");
        }

        return Answer(context, new JsonObject
        {
            ["ok"] = true,
            ["access_token"] = "xoxb-installed-" + InstalledTeamId,
            ["token_type"] = "bot",
            ["scope"] = InstalledScopes,
            ["bot_user_id"] = InstalledBotUserId,
            ["app_id"] = AppId,
            ["team"] = new JsonObject { ["id"] = InstalledTeamId, ["name"] = InstalledTeamName },
            ["enterprise"] = null,
            ["authed_user"] = new JsonObject { ["id"] = "U0INSTALLER" },
        });
    }

    private string NextTs() => $"1767225600.{Interlocked.Increment(ref _messages):D6}";

    private static Task Require(HttpContext context, JsonObject body, string[] fields, string error, Func<JsonObject> answer) =>
        fields.All(f => !string.IsNullOrEmpty(Text(body, f))) ? Answer(context, answer()) : Fail(context, error);

    private static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static JsonObject? ParseBody(string body, string? contentType)
    {
        if (contentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            var form = new JsonObject();
            foreach (var (name, value) in new FormReader(body).ReadForm())
            {
                form[name] = value.ToString();
            }

            return form;
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Task Fail(HttpContext context, string error) =>
        Answer(context, new JsonObject { ["ok"] = false, ["error"] = error });

    private static Task Answer(HttpContext context, JsonObject body, int status = 200, params (string Name, string Value)[] headers)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        return context.Response.WriteAsync(body.ToJsonString());
    }
}
