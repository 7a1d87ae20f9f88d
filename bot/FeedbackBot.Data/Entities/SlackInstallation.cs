namespace FeedbackBot.Data.Entities;

/// <summary>
/// A Slack workspace that installed the bot through the OAuth flow: its bot token, encrypted with the host's Data
/// Protection keys, so a copy of the database alone does not let anyone post as the bot.
/// </summary>
public sealed class SlackInstallation
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Tenant? Tenant { get; set; }

    /// <summary>The workspace's team id (T…), the tenant's external id.</summary>
    public required string TeamId { get; set; }

    public required string TeamName { get; set; }
    public required string AppId { get; set; }

    /// <summary>The bot's own user id (U…) in the workspace, so its own messages are recognised.</summary>
    public required string BotUserId { get; set; }

    /// <summary>The xoxb- token, protected; never stored or logged in clear.</summary>
    public required string ProtectedBotToken { get; set; }

    public required string Scopes { get; set; }
    public DateTime InstalledAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
