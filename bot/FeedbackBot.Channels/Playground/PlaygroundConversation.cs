using FeedbackBot.Channels.BotFramework;

namespace FeedbackBot.Channels.Playground;

/// <summary>One live playground conversation: one identity with the bot, as one browser tab started it.</summary>
/// <param name="Id">The Direct Line conversation id, the <c>conversation.id</c> of its activities.</param>
/// <param name="Identity">Who is talking to the bot.</param>
/// <param name="ServiceUrl">The <c>serviceUrl</c> of its activities: the Direct Line address the page used.</param>
public sealed record PlaygroundConversation(string Id, PlaygroundIdentity Identity, string ServiceUrl)
{
    /// <summary>The <c>conversation</c> of its activities, with the playground's tenant.</summary>
    public ConversationAccount Account => new()
    {
        Id = Id,
        ConversationType = PlaygroundChannel.ConversationType,
        TenantId = PlaygroundChannel.TenantId,
        IsGroup = false,
    };
}
