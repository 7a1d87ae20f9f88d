using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace FeedbackBot.Testing.Teams;

/// <summary>An answer the fake Connector gives to one request.</summary>
public sealed record ScriptedResponse(int Status, string Body = "", params (string Name, string Value)[] Headers)
{
    /// <summary>No answer at all: the connection is closed (reset) by the server, as a peer or a proxy dropping it would.</summary>
    public static ScriptedResponse ConnectionClosed { get; } = new(0);
}

/// <summary>
/// A member of a team as the fake Connector lists it: the fields Teams' <c>pagedmembers</c> answer carries. A null
/// <paramref name="Name"/> is left out, as Teams leaves it out for some users (their given name and surname remain).
/// </summary>
public sealed record FakeTeamsMember(
    string Id, string? Name, string? Email, string? UserPrincipalName = null, string? ObjectId = null,
    string? GivenName = null, string? Surname = null, string UserRole = "user");

/// <summary>An activity the fake Connector accepted: where it went, the tenant it named, the activity, and when.</summary>
public sealed record ConnectorDelivery(string ConversationId, string? TenantId, JsonNode Activity, DateTimeOffset At);

/// <summary>
/// The Bot Framework Connector on loopback: records every call, answers from a script when one is queued and
/// otherwise 200 with a new activity id, always with an X-Correlating-OperationId. Told to, it enforces Teams' rate
/// limits the way Teams does, refusing with 429 and Retry-After whatever comes too fast, and counts each refusal.
/// It lists the members of the teams it is given (<see cref="SetMembers"/>) as <c>GET .../pagedmembers</c>, page by
/// page with a continuation token, and <c>GET .../members</c> do.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    /// <summary>Teams' published limit per tenant: 50 requests a second.</summary>
    public const int TenantLimitPerSecond = 50;

    /// <summary>Teams' published limit per conversation for sends: 7 a second.</summary>
    public const int ConversationLimitPerSecond = 7;

    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private readonly ConcurrentQueue<ScriptedResponse?> _memberScript = new();
    private readonly ConcurrentDictionary<string, FakeTeamsMember[]> _members = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ConnectorDelivery> _deliveries = new();
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _tenantCalls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _conversationCalls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _strictTenantCalls = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private LoopbackServer _server = null!;
    private int _count;
    private bool _enforcing;
    private TimeSpan _transitAllowance;
    private int _violations;
    private int _strictExcess;

    private FakeConnector(TimeProvider time) => _time = time;

    /// <summary>A serviceUrl with a path of its own, as Teams' are (https://smba.trafficmanager.net/emea/).</summary>
    public string ServiceUrl => _server.BaseAddress + "emea/";

    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    /// <summary>Requests refused with 429 because they broke an enforced limit.</summary>
    public int RateViolations => Volatile.Read(ref _violations);

    /// <summary>
    /// Requests accepted that a strict tenant window (no transit allowance) would have refused: how close to the
    /// line the sender's pace ran, measured where the requests arrive. Counted only while enforcing.
    /// </summary>
    public int StrictTenantExcess => Volatile.Read(ref _strictExcess);

    /// <summary>Every activity accepted (sent or updated), in arrival order: duplicates and misses are counted from these.</summary>
    public IReadOnlyList<ConnectorDelivery> Deliveries => [.. _deliveries];

    /// <summary>
    /// Runs once a delivery is recorded and before the bot hears it succeeded: what a person does in that moment
    /// (answering the card at once, say) happens before the bot's own bookkeeping of the send.
    /// </summary>
    public Func<ConnectorDelivery, Task>? WhileAnswering { get; set; }

    public static async Task<FakeConnector> StartAsync(TimeProvider? time = null)
    {
        var connector = new FakeConnector(time ?? TimeProvider.System);
        connector._server = await LoopbackServer.StartAsync(connector.RespondAsync);
        return connector;
    }

    public void Enqueue(params ScriptedResponse[] responses)
    {
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }
    }

    /// <summary>The members of a team (or conversation) from now on, in the order its pages list them.</summary>
    public void SetMembers(string conversationId, params FakeTeamsMember[] members) => _members[conversationId] = members;

    /// <summary>
    /// Answers for the next requests for members, in order, ahead of the members themselves; a null answers that
    /// request normally, so a later page can be made to fail after the first was served.
    /// </summary>
    public void EnqueueMembers(params ScriptedResponse?[] responses)
    {
        foreach (var response in responses)
        {
            _memberScript.Enqueue(response);
        }
    }

    /// <summary>
    /// From now on, refuses with 429 and <c>Retry-After: 1</c> (counted in <see cref="RateViolations"/>) a request
    /// that would make more than <see cref="TenantLimitPerSecond"/> in one second for its tenant (named in the
    /// activity's conversation.tenantId or channelData.tenant.id), or more than
    /// <see cref="ConversationLimitPerSecond"/> in one second for its conversation. Time is taken on arrival, so a
    /// sender pacing exactly at the limit is caught by the jitter of its own transport (a request delayed by a
    /// millisecond lands in the next request's window); <paramref name="transitAllowance"/> narrows the windows by
    /// that much to allow for it. <see cref="StrictTenantExcess"/> counts what a strict window would have refused.
    /// </summary>
    public void EnforceTeamsLimits(TimeSpan? transitAllowance = null)
    {
        lock (_lock)
        {
            _enforcing = true;
            _transitAllowance = transitAllowance ?? TimeSpan.Zero;
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task RespondAsync(RecordedRequest request, HttpContext context)
    {
        var number = Interlocked.Increment(ref _count);
        context.Response.Headers["X-Correlating-OperationId"] = $"op-{number}";
        context.Response.ContentType = "application/json";
        if (MembersRequest(request) is { } members)
        {
            await AnswerMembersAsync(context, members.ConversationId, members.Paged, request.RawTarget);
            return;
        }

        var activity = ParseActivity(request.Body);
        var conversation = ConversationOf(request.RawTarget);
        var tenant = activity is null ? null : TenantOf(activity);
        if (IsOverLimit(tenant, conversation))
        {
            Interlocked.Increment(ref _violations);
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = "1";
            await context.Response.WriteAsync("""{"error":{"code":"Throttled","message":"Too many requests"}}""");
            return;
        }

        if (!_script.TryDequeue(out var scripted))
        {
            if (conversation is not null && activity is not null && request.Method is "POST" or "PUT")
            {
                var delivery = new ConnectorDelivery(conversation, tenant, activity, _time.GetUtcNow());
                _deliveries.Enqueue(delivery);
                if (WhileAnswering is { } during)
                {
                    await during(delivery);
                }
            }

            await context.Response.WriteAsync($$"""{"id":"activity-{{number}}"}""");
            return;
        }

        if (scripted == ScriptedResponse.ConnectionClosed)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = scripted.Status;
        foreach (var (name, value) in scripted.Headers)
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(scripted.Body);
    }

    private async Task AnswerMembersAsync(HttpContext context, string conversationId, bool paged, string rawTarget)
    {
        if (_memberScript.TryDequeue(out var scripted) && scripted is not null)
        {
            context.Response.StatusCode = scripted.Status;
            foreach (var (name, value) in scripted.Headers)
            {
                context.Response.Headers[name] = value;
            }

            await context.Response.WriteAsync(scripted.Body);
            return;
        }

        if (!_members.TryGetValue(conversationId, out var all))
        {
            // What Teams answers for a conversation the bot is not in (or that does not exist).
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync("""{"error":{"code":"ConversationNotFound","message":"Conversation not found."}}""");
            return;
        }

        if (!paged)
        {
            await context.Response.WriteAsync(new JsonArray([.. all.Select(Member)]).ToJsonString());
            return;
        }

        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(question < 0 ? "" : rawTarget[question..]);
        var size = query.TryGetValue("pageSize", out var sizeText) && int.TryParse(sizeText, CultureInfo.InvariantCulture, out var asked) ? Math.Clamp(asked, 1, 500) : 200;
        var start = query.TryGetValue("continuationToken", out var token) && token.ToString() is { Length: > 0 } text
            ? int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(text)).Split(':')[1], CultureInfo.InvariantCulture)
            : 0;
        var page = new JsonObject { ["members"] = new JsonArray([.. all.Skip(start).Take(size).Select(Member)]) };
        if (start + size < all.Length)
        {
            page["continuationToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"offset:{start + size}"));
        }

        await context.Response.WriteAsync(page.ToJsonString());
    }

    // As Teams' REST answer writes a member: the Entra id as objectId, the name left out when Teams has none.
    private static JsonNode Member(FakeTeamsMember member)
    {
        var json = new JsonObject { ["id"] = member.Id };
        if (member.Name is not null)
        {
            json["name"] = member.Name;
        }

        json["objectId"] = member.ObjectId;
        json["givenName"] = member.GivenName;
        json["surname"] = member.Surname;
        json["email"] = member.Email;
        json["userPrincipalName"] = member.UserPrincipalName;
        json["userRole"] = member.UserRole;
        return json;
    }

    // GET /emea/v3/conversations/{id}/pagedmembers or /members: whose members are asked for, and whether by page.
    private static (string ConversationId, bool Paged)? MembersRequest(RecordedRequest request)
    {
        if (request.Method != "GET")
        {
            return null;
        }

        var path = request.RawTarget.Split('?')[0];
        const string Marker = "/v3/conversations/";
        var at = path.IndexOf(Marker, StringComparison.Ordinal);
        var rest = at < 0 ? [] : path[(at + Marker.Length)..].Split('/');
        return rest.Length == 2 && rest[1] is "pagedmembers" or "members" ? (Uri.UnescapeDataString(rest[0]), rest[1] == "pagedmembers") : null;
    }

    private bool IsOverLimit(string? tenant, string? conversation)
    {
        lock (_lock)
        {
            if (!_enforcing)
            {
                return false;
            }

            var now = _time.GetUtcNow();
            var window = Second - _transitAllowance;
            var tenantCalls = tenant is null ? null : Calls(_tenantCalls, tenant, now - window);
            var conversationCalls = conversation is null ? null : Calls(_conversationCalls, conversation, now - window);
            if (tenantCalls?.Count >= TenantLimitPerSecond || conversationCalls?.Count >= ConversationLimitPerSecond)
            {
                return true;
            }

            tenantCalls?.Enqueue(now);
            conversationCalls?.Enqueue(now);
            if (tenant is not null)
            {
                var strict = Calls(_strictTenantCalls, tenant, now - Second);
                if (strict.Count >= TenantLimitPerSecond)
                {
                    _strictExcess++;
                }

                strict.Enqueue(now);
            }

            return false;
        }
    }

    // Keeps only the calls after `since`: the ones still inside the window.
    private static Queue<DateTimeOffset> Calls(Dictionary<string, Queue<DateTimeOffset>> byKey, string key, DateTimeOffset since)
    {
        if (!byKey.TryGetValue(key, out var calls))
        {
            calls = new Queue<DateTimeOffset>();
            byKey[key] = calls;
        }

        while (calls.Count > 0 && calls.Peek() <= since)
        {
            calls.Dequeue();
        }

        return calls;
    }

    private static JsonNode? ParseActivity(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
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

    private static string? TenantOf(JsonNode activity) =>
        activity["conversation"]?["tenantId"]?.GetValueKind() == JsonValueKind.String ? activity["conversation"]!["tenantId"]!.GetValue<string>()
        : activity["channelData"]?["tenant"]?["id"]?.GetValueKind() == JsonValueKind.String ? activity["channelData"]!["tenant"]!["id"]!.GetValue<string>()
        : null;

    // /emea/v3/conversations/{id}/activities[/{activityId}]: the conversation a send or update goes to.
    private static string? ConversationOf(string rawTarget)
    {
        var path = rawTarget.Split('?')[0];
        const string Marker = "/v3/conversations/";
        var at = path.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var rest = path[(at + Marker.Length)..].Split('/');
        return rest.Length >= 2 && rest[1] == "activities" ? Uri.UnescapeDataString(rest[0]) : null;
    }
}
