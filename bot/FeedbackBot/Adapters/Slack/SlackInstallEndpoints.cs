using System.Net;
using System.Security.Cryptography;
using FeedbackBot.Channels.Slack;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Adapters.Slack;

/// <summary>
/// The OAuth install flow for a bot distributed to several workspaces: <c>GET /slack/install</c> sends the
/// installer to Slack, <c>GET /slack/oauth/callback</c> exchanges the code for the workspace's bot token and stores
/// it encrypted. The state parameter is bound to a cookie set on this browser and expires in 10 minutes, so a
/// callback the installer did not start here is refused.
/// </summary>
internal static class SlackInstallEndpoints
{
    public const string AuthorizeUrl = "https://slack.com/oauth/v2/authorize";

    /// <summary>The bot scopes the features need; manifests/slack lists the same ones.</summary>
    public static readonly string[] BotScopes = ["app_mentions:read", "chat:write", "commands", "im:history", "im:read", "im:write", "users:read", "users:read.email"];

    private const string StateCookie = "feedbackbot_slack_install";
    private static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);

    public static IEndpointRouteBuilder MapSlackInstall(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/slack/install", Install);
        endpoints.MapGet("/slack/oauth/callback", CallbackAsync);
        return endpoints;
    }

    private static IResult Install(HttpContext http, IOptions<SlackOptions> options, IDataProtectionProvider protection, TimeProvider clock)
    {
        var settings = options.Value;
        if (!settings.UsesOAuthInstall)
        {
            return Page(HttpStatusCode.NotFound, "Not set up", $"Installing into several workspaces needs {SlackOptions.ClientIdKey} and {SlackOptions.ClientSecretKey}.");
        }

        var nonce = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(24));
        var state = Protector(protection).Protect(nonce, clock.GetUtcNow() + StateLifetime);
        http.Response.Cookies.Append(StateCookie, nonce, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/slack",
            MaxAge = StateLifetime,
        });
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = settings.ClientId,
            ["scope"] = string.Join(',', BotScopes),
            ["state"] = state,
        };
        if (!string.IsNullOrEmpty(settings.OAuthRedirectUrl))
        {
            query["redirect_uri"] = settings.OAuthRedirectUrl;
        }

        return Results.Redirect(QueryHelpers.AddQueryString(AuthorizeUrl, query));
    }

    private static async Task<IResult> CallbackAsync(
        HttpContext http,
        IOptions<SlackOptions> options,
        IDataProtectionProvider protection,
        SlackWebApiClient api,
        SlackWorkspaces workspaces,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var log = loggers.CreateLogger("FeedbackBot.Slack");
        if (!options.Value.UsesOAuthInstall)
        {
            return Page(HttpStatusCode.NotFound, "Not set up", $"Installing into several workspaces needs {SlackOptions.ClientIdKey} and {SlackOptions.ClientSecretKey}.");
        }

        var query = http.Request.Query;
        var expected = http.Request.Cookies[StateCookie];
        http.Response.Cookies.Delete(StateCookie, new CookieOptions { Path = "/slack" });
        if (!StateMatches(protection, query["state"].ToString(), expected))
        {
            log.LogWarning("Refused a Slack install callback: its state was missing, expired, forged or from another browser");
            return Page(HttpStatusCode.BadRequest, "Install not started here", "This install link has expired or was not started in this browser. Start again at /slack/install.");
        }

        if (query["error"].ToString() is { Length: > 0 } refusal)
        {
            return Page(HttpStatusCode.BadRequest, "Not installed", $"Slack did not install FeedbackBot: {refusal}.");
        }

        return query["code"].ToString() is { Length: > 0 } code
            ? await InstallAsync(code, api, workspaces, log, cancellationToken)
            : Page(HttpStatusCode.BadRequest, "Not installed", "Slack sent no code to exchange. Start again at /slack/install.");
    }

    // The code is single-use and short-lived: it is exchanged at once, and the workspace's token is stored encrypted.
    private static async Task<IResult> InstallAsync(string code, SlackWebApiClient api, SlackWorkspaces workspaces, ILogger log, CancellationToken cancellationToken)
    {
        try
        {
            var access = await api.ExchangeOAuthCodeAsync(code, null, cancellationToken);
            await workspaces.SaveAsync(access, cancellationToken);
            log.LogInformation("Installed in a Slack workspace");
            return Page(HttpStatusCode.OK, "Installed", $"FeedbackBot is installed in {access.TeamName ?? access.TeamId}. In Slack, type /feedback help to begin.");
        }
        catch (SlackApiException error)
        {
            log.LogWarning("The Slack install failed: {Error}", error.Error);
            return Page(HttpStatusCode.BadGateway, "Not installed", $"Slack refused the install ({error.Error}). Start again at /slack/install.");
        }
    }

    private static bool StateMatches(IDataProtectionProvider protection, string state, string? expected)
    {
        if (string.IsNullOrEmpty(state) || string.IsNullOrEmpty(expected))
        {
            return false;
        }

        try
        {
            var nonce = Protector(protection).Unprotect(state);
            return CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(nonce), System.Text.Encoding.UTF8.GetBytes(expected));
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static ITimeLimitedDataProtector Protector(IDataProtectionProvider protection) =>
        protection.CreateProtector("FeedbackBot.Slack.InstallState.v1").ToTimeLimitedDataProtector();

    private static IResult Page(HttpStatusCode status, string title, string message) =>
        Results.Content(
            $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>FeedbackBot: {WebUtility.HtmlEncode(title)}</title></head>" +
            $"<body><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(message)}</p></body></html>",
            "text/html; charset=utf-8",
            statusCode: (int)status);
}
