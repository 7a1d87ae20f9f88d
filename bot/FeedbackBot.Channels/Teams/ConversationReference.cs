namespace FeedbackBot.Channels.Teams;

/// <summary>
/// What the bot keeps to message a person or conversation later: where the Connector is, which conversation, the
/// tenant, the person (<c>29:</c> id) and the bot (<c>28:</c> id).
/// </summary>
public sealed record ConversationReference(
    string ServiceUrl,
    string ConversationId,
    string? TenantId,
    string UserId,
    string? UserName,
    string BotId,
    string ChannelId);
