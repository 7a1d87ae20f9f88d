using FeedbackBot.Channels.BotFramework;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Channels.AdaptiveCards;

/// <summary>A channel-neutral reply as a Bot Framework message (Teams and the playground): text, or an Adaptive Card.</summary>
public static class ReplyActivity
{
    public static Activity From(BotReply reply)
    {
        var rendered = AdaptiveCardRenderer.Render(reply);
        return new Activity
        {
            Type = ActivityTypes.Message,
            Text = rendered.Text,
            TextFormat = rendered.IsCard ? null : "markdown",
            Attachments = rendered.ToAttachment() is { } attachment ? [attachment] : null,
        };
    }
}
