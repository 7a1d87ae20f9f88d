using FeedbackBot.Channels.BotFramework;
using FeedbackBot.Channels.Teams;
using FeedbackBot.Infrastructure.Hosting;
using FeedbackBot.Infrastructure.RateLimiting;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Adapters.Teams;

/// <summary>
/// <c>POST /api/messages</c>: activities from Teams. The bearer token is checked before anything in the body is
/// acted on; a request that fails gets 401 and changes nothing. What an authentic activity means is
/// <see cref="TeamsTurn"/>'s. A body over the limit is refused with 401 too, before authentication: it cannot be
/// checked, and a forger learns nothing from a different answer. An authentic activity from a tenant over its
/// allowance gets 429 with <c>Retry-After</c>, which the Bot Framework retries.
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
        TenantRateLimiter tenants,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (!options.Value.IsConfigured
            || await AuthenticatedActivityAsync(http, authenticator, loggers, cancellationToken) is not { } activity)
        {
            return Results.Unauthorized();
        }

        // Only now is the tenant known to be the sender's; refused before the turn, so nothing is stored.
        if (tenants.Refuse(http, "teams", TeamsActivities.GetTenantId(activity)) is { } refused)
        {
            return refused;
        }

        return await turn.HandleAsync(activity, cancellationToken) switch
        {
            { } invoke => Results.Text(invoke.ToJson(), "application/json", System.Text.Encoding.UTF8, invoke.Status),
            null => Results.Ok(),
        };
    }

    /// <summary>The activity when its body is readable and its bearer token holds; null (and a logged reason) otherwise.</summary>
    private static async Task<Activity?> AuthenticatedActivityAsync(
        HttpContext http, BotFrameworkAuthenticator authenticator, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(http.Request, MaxBodyBytes, cancellationToken);
        if (body is null || !TeamsActivities.TryParse(body, out var activity))
        {
            // An unreadable body is refused the same way as a bad token, so a forger learns nothing.
            return null;
        }

        var authentication = await authenticator.AuthenticateAsync(http.Request.Headers.Authorization.ToString(), activity, cancellationToken);
        if (!authentication.Succeeded)
        {
            loggers.CreateLogger("FeedbackBot.Teams").LogWarning("Refused a Teams activity: {Reason}", authentication.FailureReason);
            return null;
        }

        return activity;
    }
}
