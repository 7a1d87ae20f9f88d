using FeedbackBot.Channels.AdaptiveCards;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Channels.Tests.AdaptiveCards;

public sealed class AdaptiveCardRendererTests
{
    [Fact]
    public void Render_TextReply_StaysTextWithItsMarkdown()
    {
        var reply = AdaptiveCardRenderer.Render(new TextReply("Sent to **12** people."));

        Assert.Equal("Sent to **12** people.", reply.Text);
        Assert.False(reply.IsCard);
        Assert.Null(reply.ToAttachment());
    }

    [Fact]
    public void Render_ReplyTypeWithoutCard_Refused()
    {
        Assert.Throws<ArgumentException>(() => AdaptiveCardRenderer.Render(new UnknownReply()));
    }

    private sealed record UnknownReply : BotReply;
}
