using FeedbackBot.Channels.BotFramework;
using FeedbackBot.Channels.Teams;
using FeedbackBot.Infrastructure.Hosting;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Adapters.Teams;

/// <summary>
/// <c>POST /api/messages</c>: activities from Teams. The bearer token is checked before anything in the body is
/// acted on; a request that fails gets 401 and changes nothing. What an authentic activity means is
/// <see cref="TeamsTurn"/>'s.
/// </summary>
internal static class TeamsMessagesEndpoint
{
    // Teams activities, cards included, stay far below this.
    private const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapTeamsEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http,
        IOptions<TeamsOptions> options,
        BotFrameworkAuthenticator authenticator,
        TeamsTurn turn,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (!options.Value.IsConfigured)
        {
            return Results.Unauthorized();
        }

        var body = await RequestBody.ReadAsync(http.Request, MaxBodyBytes, cancellationToken);
        Activity? activity = null;
        if (body is null || !TeamsActivities.TryParse(body, out activity))
        {
            // An unreadable body is refused the same way as a bad token, so a forger learns nothing.
            return Results.Unauthorized();
        }

        var authentication = await authenticator.AuthenticateAsync(http.Request.Headers.Authorization.ToString(), activity, cancellationToken);
        if (!authentication.Succeeded)
        {
            loggers.CreateLogger("FeedbackBot.Teams").LogWarning("Refused a Teams activity: {Reason}", authentication.FailureReason);
            return Results.Unauthorized();
        }

        return await turn.HandleAsync(activity, cancellationToken) switch
        {
            { } invoke => Results.Text(invoke.ToJson(), "application/json", System.Text.Encoding.UTF8, invoke.Status),
            null => Results.Ok(),
        };
    }

}
