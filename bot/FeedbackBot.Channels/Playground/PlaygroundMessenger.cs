using FeedbackBot.Channels.BotFramework;

namespace FeedbackBot.Channels.Playground;

/// <summary>
/// Sends into playground conversations at any time: during a turn (through <see cref="PlaygroundTurn"/>) or
/// proactively, from a job or from another person's turn. What is sent appears on the page at its next poll. The
/// store addresses it (from the bot, to the conversation's identity) and gives it its id and timestamp.
/// </summary>
public sealed class PlaygroundMessenger(DirectLineStore store)
{
    /// <summary>Sends into a conversation; its activity id, or null if the conversation has ended.</summary>
    public Task<string?> SendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(store.AppendFromBot(conversationId, activity)?.Id);
    }

    /// <summary>
    /// Replaces an activity the bot sent into a conversation (a card that turns into a thank-you, say); Web Chat draws
    /// the new content in the old one's place. False if the conversation has ended or the activity is no longer kept.
    /// </summary>
    public Task<bool> UpdateAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(store.Replace(conversationId, activityId, activity) is not null);
    }

    /// <summary>
    /// Sends to every live conversation of a user id (each tab that shows that identity). Empty when the person has
    /// the playground open nowhere: as unreachable as a Teams user who has not installed the app.
    /// </summary>
    public Task<IReadOnlyList<PlaygroundDelivery>> SendToUserAsync(string userId, Activity activity, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var deliveries = new List<PlaygroundDelivery>();
        foreach (var conversation in store.ConversationsOf(userId))
        {
            if (store.AppendFromBot(conversation.Id, activity) is { Id: { } id })
            {
                deliveries.Add(new PlaygroundDelivery(conversation.Id, id));
            }
        }

        return Task.FromResult<IReadOnlyList<PlaygroundDelivery>>(deliveries);
    }

    /// <summary>The live conversations of a user id, most recently used first.</summary>
    public IReadOnlyList<PlaygroundConversation> ConversationsOf(string userId) => store.ConversationsOf(userId);

    /// <summary>The conversation, or null if it has ended.</summary>
    public PlaygroundConversation? Find(string conversationId) => store.Find(conversationId);
}
