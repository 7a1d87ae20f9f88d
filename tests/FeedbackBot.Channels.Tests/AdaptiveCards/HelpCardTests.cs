using FeedbackBot.Channels.AdaptiveCards;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.People;

namespace FeedbackBot.Channels.Tests.AdaptiveCards;

public sealed class HelpCardTests
{
    [Fact]
    public void Render_HelpReply_EachCommandWithWhatItDoesUnderIt()
    {
        var help = HelpCatalog.For(PersonRole.Manager);

        var card = AdaptiveCardRenderer.Render(help).Card!;

        AdaptiveCardSchema.AssertValid(card);
        var texts = CardQuery.Texts(card);
        Assert.Equal("What I can do", texts[0]);
        Assert.Contains("as a manager", texts[1], StringComparison.Ordinal);
        foreach (var command in help.Commands)
        {
            var usage = texts.IndexOf(CardMarkdown.Escape(command.Usage));
            Assert.True(usage > 0, command.Usage);
            Assert.Equal(command.Description, texts[usage + 1]);
        }
    }

    [Fact]
    public void Render_HelpReply_OptionalArgumentBracketsEscaped()
    {
        var card = AdaptiveCardRenderer.Render(HelpCatalog.For(PersonRole.Staff)).Card!;

        Assert.Contains(@"latest review \[plan\]", CardQuery.Texts(card));
        Assert.DoesNotContain(CardQuery.Texts(card), t => t.Contains("start pulse", StringComparison.Ordinal));
    }
}
