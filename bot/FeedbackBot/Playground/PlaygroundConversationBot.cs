using FeedbackBot.Channels.AdaptiveCards;
using FeedbackBot.Channels.BotFramework;
using FeedbackBot.Channels.Playground;
using FeedbackBot.Conversations;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.People;
using FeedbackBot.Data;

namespace FeedbackBot.Playground;

/// <summary>
/// The conversation features behind the playground page: the same handler Teams uses, with replies rendered as the
/// same Adaptive Cards. The page's manager identity is the local tenant's admin, so every command can be tried.
/// </summary>
internal sealed class PlaygroundConversationBot(FeedbackDbContext db, ConversationHandler conversations, TimeProvider clock) : IPlaygroundBot
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
            submission);
        var now = clock.GetUtcNow().UtcDateTime;
        var party = await ConversationParty.ResolveAsync(db, request, now, cancellationToken);
        var role = turn.Identity == PlaygroundIdentity.Manager ? PersonRole.Admin : PersonRole.Staff;
        if (party.Person.Role != role)
        {
            party.Person.Role = role;
            await db.SaveChangesAsync(cancellationToken);
        }

        await party.RememberAsync(db, turn.Conversation.Id, personal: true, turn.Conversation.ServiceUrl, PlaygroundChannel.Bot.Id, now, cancellationToken);
        var result = await conversations.HandleAsync(request, cancellationToken);
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
