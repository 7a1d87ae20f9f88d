using FeedbackBot.Channels.BotFramework;
using FeedbackBot.Channels.Playground;

namespace FeedbackBot.Adapters.Playground;

/// <summary>
/// The Direct Line 3.0 subset the playground page's Web Chat talks to (docs/playground.md): HTTP in and out of
/// <see cref="DirectLineService"/>. Errors have Direct Line's shape, <c>{"error":{"code","message"}}</c>.
/// </summary>
internal static class DirectLineEndpoints
{
    public const string BasePath = "/v3/directline";

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(BasePath);
        group.MapPost("/conversations", StartAsync);
        group.MapGet("/conversations/{conversationId}", Reconnect);
        group.MapGet("/conversations/{conversationId}/activities", GetActivities);
        group.MapPost("/conversations/{conversationId}/activities", PostAsync);
        group.MapPost("/tokens/refresh", Refresh);
        return endpoints;
    }

    private static async Task<IResult> StartAsync(HttpContext http, DirectLineService directLine, DirectLineStore store)
    {
        var body = await JsonBody.ReadAsync<DirectLineStartRequest>(http.Request, store.Limits.MaxPostedActivityBytes, http.RequestAborted);
        if (body.Error is not null)
        {
            return Answer(http, body.Error.As<DirectLineConversation>());
        }

        var request = http.Request;
        var serviceUrl = $"{request.Scheme}://{request.Host}{request.PathBase}{BasePath}";
        return Answer(http, await directLine.StartAsync(Authorization(http), body.Value, serviceUrl, http.RequestAborted));
    }

    private static IResult Reconnect(HttpContext http, string conversationId, DirectLineService directLine) =>
        Answer(http, directLine.Reconnect(Authorization(http), conversationId));

    private static IResult GetActivities(HttpContext http, string conversationId, string? watermark, DirectLineService directLine) =>
        Answer(http, directLine.GetActivities(Authorization(http), conversationId, watermark));

    private static async Task<IResult> PostAsync(HttpContext http, string conversationId, DirectLineService directLine, DirectLineStore store)
    {
        // The token is checked before the body is read: without one, nothing the client sent is looked at.
        var authorization = Authorization(http);
        var check = directLine.Reconnect(authorization, conversationId);
        if (check.Outcome != DirectLineOutcome.Ok)
        {
            return Answer(http, check);
        }

        var body = await JsonBody.ReadAsync<Activity>(http.Request, store.Limits.MaxPostedActivityBytes, http.RequestAborted);
        return body.Error is not null
            ? Answer(http, body.Error.As<DirectLineResourceResponse>())
            : Answer(http, await directLine.PostAsync(authorization, conversationId, body.Value, http.RequestAborted));
    }

    private static IResult Refresh(HttpContext http, DirectLineService directLine) =>
        Answer(http, directLine.Refresh(Authorization(http)));

    private static string? Authorization(HttpContext http) =>
        http.Request.Headers.Authorization.Count == 0 ? null : http.Request.Headers.Authorization.ToString();

    private static IResult Answer<T>(HttpContext http, DirectLineResult<T> result)
        where T : class
    {
        http.Response.Headers.CacheControl = "no-store";
        if (result.Outcome == DirectLineOutcome.Ok)
        {
            return Results.Json(result.Value, ActivityJson.Options);
        }

        var (status, code) = result.Outcome switch
        {
            DirectLineOutcome.BadRequest => (StatusCodes.Status400BadRequest, "BadArgument"),
            DirectLineOutcome.Unauthorized => (StatusCodes.Status401Unauthorized, "Unauthorized"),
            DirectLineOutcome.Forbidden => (StatusCodes.Status403Forbidden, "Forbidden"),
            DirectLineOutcome.TooLarge => (StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig"),
            DirectLineOutcome.UnsupportedMediaType => (StatusCodes.Status415UnsupportedMediaType, "BadArgument"),
            DirectLineOutcome.BotFailed => (StatusCodes.Status502BadGateway, "BotError"),
            DirectLineOutcome.BotUnavailable => (StatusCodes.Status503ServiceUnavailable, "BotNotAvailable"),
            _ => (StatusCodes.Status500InternalServerError, "ServiceError"),
        };
        if (status == StatusCodes.Status401Unauthorized)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
        }

        return Results.Json(new { error = new { code, message = result.Error } }, ActivityJson.Options, statusCode: status);
    }
}
