using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FeedbackBot.Channels.Slack;
using FeedbackBot.Infrastructure.Hosting;
using FeedbackBot.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Adapters.Slack;

/// <summary>
/// <c>POST /slack/events</c>, <c>/slack/interactions</c> and <c>/slack/commands</c>. Each request's signature and
/// timestamp are checked on the raw bytes before anything in the body is read; a request that fails gets 401 and
/// changes nothing. Work is recorded and acknowledged at once; Slack waits 3 seconds at most.
/// </summary>
internal static class SlackEndpoints
{
    // Slack's payloads are a few kilobytes; a view submission of a long survey stays well under this.
    private const int MaxBodyBytes = 512 * 1024;

    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/slack/events", EventsAsync);
        endpoints.MapPost("/slack/interactions", InteractionsAsync);
        endpoints.MapPost("/slack/commands", CommandsAsync);
        endpoints.MapSlackInstall();
        return endpoints;
    }

    private static async Task<IResult> EventsAsync(HttpContext http, SlackInbound inbound, CancellationToken cancellationToken)
    {
        if (await VerifiedBodyAsync(http, cancellationToken) is not { } body)
        {
            return Results.Unauthorized();
        }

        if (!TryParseJson(body, out var envelope))
        {
            return Results.BadRequest(new { error = "The body is not JSON." });
        }

        if (RefuseTeam(http, Text(envelope, "team_id")) is { } refused)
        {
            return refused;
        }

        return Answer(await inbound.EventAsync(envelope, cancellationToken));
    }

    private static async Task<IResult> CommandsAsync(HttpContext http, SlackInbound inbound, CancellationToken cancellationToken)
    {
        if (await VerifiedBodyAsync(http, cancellationToken) is not { } body)
        {
            return Results.Unauthorized();
        }

        var fields = new JsonObject();
        foreach (var (name, value) in QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)))
        {
            fields[name] = value.ToString();
        }

        if (RefuseTeam(http, fields["team_id"]?.GetValue<string>()) is { } refused)
        {
            return refused;
        }

        return Answer(await inbound.CommandAsync(fields, cancellationToken));
    }

    private static async Task<IResult> InteractionsAsync(HttpContext http, SlackInbound inbound, CancellationToken cancellationToken)
    {
        if (await VerifiedBodyAsync(http, cancellationToken) is not { } body)
        {
            return Results.Unauthorized();
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (!form.TryGetValue("payload", out var payloadText) || !TryParseJson(Encoding.UTF8.GetBytes(payloadText.ToString()), out var payload))
        {
            return Results.BadRequest(new { error = "Expected a form with a JSON 'payload' field." });
        }

        var team = payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("team", out var t) ? Text(t, "id") : null;
        if (RefuseTeam(http, team) is { } refused)
        {
            return refused;
        }

        return Answer(await inbound.InteractionAsync(payload, cancellationToken));
    }

    /// <summary>The body when its Slack signature holds; null (and a logged reason) otherwise.</summary>
    private static async Task<byte[]?> VerifiedBodyAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("FeedbackBot.Slack");
        if (string.IsNullOrEmpty(services.GetRequiredService<IOptions<SlackOptions>>().Value.SigningSecret))
        {
            // Not set up for HTTP (Socket Mode only, or no Slack at all): nothing is accepted.
            return null;
        }

        var body = await RequestBody.ReadAsync(http.Request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            log.LogWarning("Refused a Slack request: the body is larger than {MaxBytes} bytes", MaxBodyBytes);
            return null;
        }

        var check = services.GetRequiredService<SlackRequestVerifier>().Verify(
            body,
            http.Request.Headers[SlackRequestVerifier.TimestampHeader].ToString(),
            http.Request.Headers[SlackRequestVerifier.SignatureHeader].ToString());
        if (!check.IsValid)
        {
            log.LogWarning("Refused a Slack request: {Reason}", check.Reason);
            return null;
        }

        return body;
    }

    /// <summary>
    /// After the signature check, before the inbox: a workspace over its allowance gets 429 with <c>Retry-After</c>
    /// and nothing is recorded. Slack retries events; a person sees the command or button fail and can try again.
    /// </summary>
    private static IResult? RefuseTeam(HttpContext http, string? team) =>
        http.RequestServices.GetRequiredService<TenantRateLimiter>().Refuse(http, "slack", team);

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static bool TryParseJson(byte[] body, out JsonElement element)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            element = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            element = default;
            return false;
        }
    }

    private static IResult Answer(SlackAck ack) =>
        ack.Error is { } error ? Results.BadRequest(new { error })
        : ack.Body is { } json ? Results.Text(json.ToJsonString(), "application/json", Encoding.UTF8)
        : Results.Ok();
}
