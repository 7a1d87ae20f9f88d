namespace FeedbackBot.Channels.Slack;

/// <summary>
/// The Slack channel's settings, bound from the <c>Slack</c> section. With nothing set, Slack is off: no request from
/// Slack is accepted and nothing is sent to it.
/// </summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";
    public const string SigningSecretKey = "Slack:SigningSecret";
    public const string BotTokenKey = "Slack:BotToken";
    public const string AppTokenKey = "Slack:AppToken";
    public const string ClientIdKey = "Slack:ClientId";
    public const string ClientSecretKey = "Slack:ClientSecret";
    public const string ApiBaseUrlKey = "Slack:ApiBaseUrl";
    public const string OAuthRedirectUrlKey = "Slack:OAuthRedirectUrl";

    public const string DefaultApiBaseUrl = "https://slack.com/api/";

    /// <summary>The prefix of a workspace bot token.</summary>
    public const string BotTokenPrefix = "xoxb-";

    /// <summary>The prefix of an app-level token, the kind Socket Mode needs.</summary>
    public const string AppTokenPrefix = "xapp-";

    /// <summary>
    /// The app's signing secret (Basic Information → App Credentials), with which every HTTP request from Slack is
    /// verified. Required to receive events, interactions and slash commands over HTTP; not used in Socket Mode.
    /// </summary>
    public string? SigningSecret { get; set; }

    /// <summary>
    /// The bot token (<c>xoxb-...</c>) of the one workspace the bot serves, when it is installed by hand rather than
    /// through the OAuth install flow.
    /// </summary>
    public string? BotToken { get; set; }

    /// <summary>
    /// An app-level token (<c>xapp-...</c>, scope <c>connections:write</c>). When set, the bot receives everything over a
    /// Socket Mode WebSocket it opens itself and needs no public address.
    /// </summary>
    public string? AppToken { get; set; }

    /// <summary>The app's client id, for the OAuth install flow that serves many workspaces.</summary>
    public string? ClientId { get; set; }

    /// <summary>The app's client secret, sent with <see cref="ClientId"/> to <c>oauth.v2.access</c>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Where the Web API is called; empty means <see cref="DefaultApiBaseUrl"/>. Tests point it at a fake.</summary>
    public string? ApiBaseUrl { get; set; }

    /// <summary>
    /// The OAuth callback address registered with the app (its <c>redirect_uri</c>), for example
    /// <c>https://bot.example.com/slack/oauth/callback</c>; empty when the app registers only one.
    /// </summary>
    public string? OAuthRedirectUrl { get; set; }

    /// <summary>True when any Slack setting is given: Slack is meant to be on, so the rest must make sense.</summary>
    public bool IsConfigured =>
        HasValue(SigningSecret) || HasValue(BotToken) || HasValue(AppToken) || HasValue(ClientId) || HasValue(ClientSecret);

    /// <summary>True when the bot should run Socket Mode rather than wait for HTTP requests.</summary>
    public bool UsesSocketMode => HasValue(AppToken);

    /// <summary>True when workspaces install the app through OAuth and each brings its own bot token.</summary>
    public bool UsesOAuthInstall => HasValue(ClientId) && HasValue(ClientSecret);

    /// <summary>The Web API base address, always ending in a slash so method names resolve under it.</summary>
    public string ResolvedApiBaseUrl
    {
        get
        {
            var value = string.IsNullOrWhiteSpace(ApiBaseUrl) ? DefaultApiBaseUrl : ApiBaseUrl.Trim();
            return value.EndsWith('/') ? value : value + "/";
        }
    }

    private static bool HasValue(string? value) => !string.IsNullOrWhiteSpace(value);
}
