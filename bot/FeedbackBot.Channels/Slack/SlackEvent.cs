using System.Text.Json;

namespace FeedbackBot.Channels.Slack;

/// <summary>
/// The inner <c>event</c> of an event callback: the fields the bot reads, and the whole object in <see cref="Raw"/>
/// for anything else. Direct messages arrive as <c>message</c> with <see cref="ChannelType"/> <c>im</c>.
/// </summary>
public sealed record SlackEvent(
    string Type,
    string? User,
    string? Text,
    string? Ts,
    string? ThreadTs,
    string? EventTs,
    string? Channel,
    string? ChannelType,
    string? BotId,
    string? Subtype,
    string? Tab,
    JsonElement Raw)
{
    public bool IsDirectMessage => Type == "message" && ChannelType == "im";

    /// <summary>
    /// True for messages the bot must not answer: those from a bot (its own included, which would make it talk to
    /// itself) and those with a subtype (edits, deletions, joins and other system messages), or from
    /// <paramref name="botUserId"/> when given.
    /// </summary>
    public bool ShouldIgnore(string? botUserId = null) =>
        !string.IsNullOrEmpty(BotId)
        || !string.IsNullOrEmpty(Subtype)
        || (!string.IsNullOrEmpty(botUserId) && User == botUserId);
}
