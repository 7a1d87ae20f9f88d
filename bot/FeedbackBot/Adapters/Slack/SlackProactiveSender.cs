using FeedbackBot.Channels.Slack;
using FeedbackBot.Channels.Slack.BlockKit;
using FeedbackBot.Conversations;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Data.Entities;

namespace FeedbackBot.Adapters.Slack;

/// <summary>Posts into a person's direct message with the bot; someone deactivated or gone is unreachable.</summary>
internal sealed class SlackProactiveSender(SlackWorkspaces workspaces, SlackWebApiClient api) : IProactiveSender
{
    public TenantChannel Channel => TenantChannel.Slack;

    public async Task<bool> SendAsync(Tenant tenant, ConversationReference conversation, BotReply reply, CancellationToken cancellationToken)
    {
        var workspace = await workspaces.FindAsync(tenant.ExternalId, cancellationToken)
            ?? throw new InvalidOperationException("The bot has no token for this Slack workspace; install it again.");
        var message = BlockKitRenderer.Render(reply);
        try
        {
            await api.PostMessageAsync(workspace.BotToken, conversation.ConversationId, message.Text, message.Blocks, null, cancellationToken);
            return true;
        }
        catch (SlackRecipientUnreachableException)
        {
            return false;
        }
    }
}
