using FeedbackBot.Channels.AdaptiveCards;
using FeedbackBot.Channels.BotFramework;
using FeedbackBot.Channels.Playground;
using FeedbackBot.Conversations;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.People;

namespace FeedbackBot.Adapters.Playground;

/// <summary>
/// The conversation features behind the playground page: the same handler Teams uses, with replies rendered as the
/// same Adaptive Cards. The page's manager identity is the local tenant's admin, so every command can be tried.
/// </summary>
internal sealed class PlaygroundConversationBot(ConversationHandler conversations) : IPlaygroundBot
{
    public async Task OnActivityAsync(PlaygroundTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        var submission = activity.Value is { } value ? AdaptiveCardSubmissions.Read(value) : null;
        var started = activity.Type == ActivityTypes.ConversationUpdate;
        if (!started && activity.Type != ActivityTypes.Message)
        {
            return;
        }

        var request = new BotRequest(
            BotChannel.Playground,
            PlaygroundChannel.TenantId,
            new BotUser(turn.Identity.UserId, turn.Identity.Name),
            turn.Conversation.Id,
            activity.Id,
            started ? "help" : submission is null ? activity.Text : null,
            submission,
            Private: true);
        var role = turn.Identity == PlaygroundIdentity.Manager ? PersonRole.Admin : PersonRole.Staff;
        var place = new ConversationPlace(turn.Conversation.Id, Personal: true, turn.Conversation.ServiceUrl, PlaygroundChannel.Bot.Id);
        var result = await conversations.HandleAsync(request, place, role, cancellationToken);
        foreach (var reply in result.Replies)
        {
            var message = ReplyActivity.From(reply);
            if (result.ReplacesCard && activity.ReplyToId is { } cardId && await turn.UpdateAsync(cardId, message, cancellationToken))
            {
                continue;
            }

            await turn.SendAsync(message, cancellationToken);
        }
    }
}
