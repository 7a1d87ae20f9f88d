namespace FeedbackBot.Channels.Teams;

/// <summary>
/// The Teams channel's settings, bound from the <c>Teams</c> section. With no <see cref="AppId"/> the bot accepts
/// nothing from the Bot Framework and cannot send to Teams.
/// </summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";
    public const string AppIdKey = "Teams:AppId";
    public const string AppPasswordKey = "Teams:AppPassword";
    public const string TenantIdKey = "Teams:TenantId";
    public const string OpenIdMetadataUrlKey = "Teams:OpenIdMetadataUrl";
    public const string TokenEndpointKey = "Teams:TokenEndpoint";

    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The token endpoint; <c>{tenant}</c> is replaced by <see cref="Authority"/>.</summary>
    public const string DefaultTokenEndpoint = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token";

    /// <summary>The authority of a multi-tenant bot registration.</summary>
    public const string MultiTenantAuthority = "botframework.com";

    /// <summary>The issuer of every token the Bot Framework Connector sends to the bot.</summary>
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>The scope of the token the bot presents to the Connector.</summary>
    public const string ConnectorScope = "https://api.botframework.com/.default";

    /// <summary>The channel id Teams puts on its activities and in its keys' endorsements.</summary>
    public const string TeamsChannelId = "msteams";

    /// <summary>The bot's Microsoft App ID (the Entra app registration's client id).</summary>
    public string? AppId { get; set; }

    /// <summary>The client secret of that app registration.</summary>
    public string? AppPassword { get; set; }

    /// <summary>For a single-tenant bot, its tenant id; empty for a multi-tenant bot.</summary>
    public string? TenantId { get; set; }

    /// <summary>Where the Bot Framework's OpenID metadata (and through it the signing keys) is read.</summary>
    public string? OpenIdMetadataUrl { get; set; }

    /// <summary>Where the bot's own token is requested; empty means <see cref="DefaultTokenEndpoint"/>.</summary>
    public string? TokenEndpoint { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AppId);

    /// <summary>The tenant the bot's token is requested from: its own tenant when single-tenant.</summary>
    public string Authority => string.IsNullOrWhiteSpace(TenantId) ? MultiTenantAuthority : TenantId.Trim();

    public string ResolvedOpenIdMetadataUrl =>
        string.IsNullOrWhiteSpace(OpenIdMetadataUrl) ? DefaultOpenIdMetadataUrl : OpenIdMetadataUrl.Trim();

    public string ResolvedTokenEndpoint =>
        (string.IsNullOrWhiteSpace(TokenEndpoint) ? DefaultTokenEndpoint : TokenEndpoint.Trim())
            .Replace("{tenant}", Uri.EscapeDataString(Authority), StringComparison.Ordinal);
}
