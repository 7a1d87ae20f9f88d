using FeedbackBot.Channels.AdaptiveCards;
using FeedbackBot.Channels.Playground;
using FeedbackBot.Conversations;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Data.Entities;

namespace FeedbackBot.Adapters.Playground;

/// <summary>Sends into a playground conversation; one that has ended (its page was closed long ago) is unreachable.</summary>
internal sealed class PlaygroundProactiveSender(PlaygroundMessenger messenger) : IProactiveSender
{
    public TenantChannel Channel => TenantChannel.Local;

    public async Task<bool> SendAsync(Tenant tenant, ConversationReference conversation, BotReply reply, CancellationToken cancellationToken) =>
        await messenger.SendAsync(conversation.ConversationId, ReplyActivity.From(reply), cancellationToken) is not null;
}
