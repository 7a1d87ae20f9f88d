namespace FeedbackBot.Data.Entities;

/// <summary>
/// Where the bot can reach a conversation again without being spoken to: captured from installation events and
/// every message, per tenant. A personal conversation belongs to one person; a channel or group chat to none.
/// </summary>
public sealed class ConversationReference
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Tenant? Tenant { get; set; }

    /// <summary>The person of a personal (1:1) conversation.</summary>
    public Guid? PersonId { get; set; }
    public Person? Person { get; set; }

    /// <summary>The channel's id of the conversation (Teams a:..., Slack D..., a playground conversation id).</summary>
    public required string ConversationId { get; set; }

    /// <summary>The Bot Connector address for the conversation (Teams); null where the channel has none.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The bot's own id in the conversation (Teams 28:...), if the channel gives one.</summary>
    public string? BotId { get; set; }

    /// <summary>
    /// The Teams team a channel conversation belongs to (<c>channelData.team.id</c>): the team whose members the
    /// people sync lists. Null for personal and group chats, and once the bot is removed from the team.
    /// </summary>
    public string? TeamId { get; set; }

    /// <summary>When the bot last heard from this conversation, to within a day (a turn that changes nothing else does not write it).</summary>
    public DateTime UpdatedAt { get; set; }
}
