using FeedbackBot.Core.Conversations;
using FeedbackBot.Data.Entities;

namespace FeedbackBot.Conversations;

/// <summary>Sends a reply into a conversation nobody just wrote in: one per channel.</summary>
internal interface IProactiveSender
{
    /// <summary>The channel it sends through.</summary>
    TenantChannel Channel { get; }

    /// <summary>Sends; false when the person cannot be reached (they blocked or removed the bot).</summary>
    Task<bool> SendAsync(Tenant tenant, ConversationReference conversation, BotReply reply, CancellationToken cancellationToken);
}
