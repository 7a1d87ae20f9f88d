using FeedbackBot.Channels.AdaptiveCards;
using FeedbackBot.Channels.BotFramework;
using FeedbackBot.Channels.Teams;
using FeedbackBot.Conversations;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Data.Entities;
using ConversationReference = FeedbackBot.Data.Entities.ConversationReference;

namespace FeedbackBot.Adapters.Teams;

/// <summary>Sends into a Teams conversation the bot has a reference for; a person who blocked the bot is unreachable.</summary>
internal sealed class TeamsProactiveSender(BotConnectorClient connector) : IProactiveSender
{
    public TenantChannel Channel => TenantChannel.Teams;

    public async Task<bool> SendAsync(Tenant tenant, ConversationReference conversation, BotReply reply, CancellationToken cancellationToken)
    {
        if (conversation.ServiceUrl is null)
        {
            return false;
        }

        var activity = ReplyActivity.From(reply) with
        {
            Conversation = new ConversationAccount { Id = conversation.ConversationId, TenantId = tenant.ExternalId },
        };
        try
        {
            await connector.SendAsync(conversation.ServiceUrl, conversation.ConversationId, activity, cancellationToken);
            return true;
        }
        catch (RecipientUnreachableException)
        {
            return false;
        }
    }
}
