using FeedbackBot.Channels.BotFramework;

namespace FeedbackBot.Channels.Playground;

/// <summary>
/// One activity from the playground page and the ways to answer it. <see cref="Activity"/> is as the store keeps it:
/// channelId <c>playground</c>, the playground's serviceUrl, <c>from</c> the identity of the conversation's token,
/// <c>conversation.tenantId</c> <c>local</c>.
/// </summary>
public sealed class PlaygroundTurn(Activity activity, PlaygroundConversation conversation, PlaygroundMessenger messenger)
{
    /// <summary>The incoming activity: a message (text, or a card submission's value), an event, or the conversationUpdate of a new conversation.</summary>
    public Activity Activity { get; } = activity;

    /// <summary>The conversation the activity came from.</summary>
    public PlaygroundConversation Conversation { get; } = conversation;

    /// <summary>Who sent it.</summary>
    public PlaygroundIdentity Identity => Conversation.Identity;

    /// <summary>For sending anywhere else, or later.</summary>
    public PlaygroundMessenger Messenger { get; } = messenger;

    /// <summary>Replies in this conversation (as a reply to the incoming activity unless <c>replyToId</c> is set); the new activity's id.</summary>
    /// <exception cref="InvalidOperationException">The conversation ended during the turn (the store's bounds evicted it).</exception>
    public async Task<string> SendAsync(Activity reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var addressed = reply.ReplyToId is null && Activity.Type != ActivityTypes.ConversationUpdate ? reply with { ReplyToId = Activity.Id } : reply;
        return await Messenger.SendAsync(Conversation.Id, addressed, cancellationToken)
            ?? throw new InvalidOperationException($"The playground conversation {Conversation.Id} has ended.");
    }

    /// <summary>Replaces an activity the bot sent in this conversation; false if it is no longer kept.</summary>
    public Task<bool> UpdateAsync(string activityId, Activity replacement, CancellationToken cancellationToken) =>
        Messenger.UpdateAsync(Conversation.Id, activityId, replacement, cancellationToken);

    /// <summary>Sends to every live conversation of another (or the same) user id; empty when none is open.</summary>
    public Task<IReadOnlyList<PlaygroundDelivery>> SendToUserAsync(string userId, Activity activity, CancellationToken cancellationToken) =>
        Messenger.SendToUserAsync(userId, activity, cancellationToken);
}
