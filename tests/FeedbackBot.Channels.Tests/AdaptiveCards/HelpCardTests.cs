using System.Text.RegularExpressions;
using FeedbackBot.Channels.AdaptiveCards;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.People;

namespace FeedbackBot.Channels.Tests.AdaptiveCards;

public sealed partial class HelpCardTests
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

        Assert.Contains(@"latest review \[PLAN\]", CardQuery.Texts(card));
        Assert.DoesNotContain(CardQuery.Texts(card), t => t.Contains("start pulse", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_HelpReply_ArgumentsAndExamplesSurviveAClientThatDropsHtml()
    {
        var card = AdaptiveCardRenderer.Render(HelpCatalog.For(PersonRole.Admin, "staff-pulse")).Card!;

        // What a client shows: markdown escapes undone, and anything that looks like an HTML tag removed, as Web
        // Chat and Teams do with "<plan>".
        var shown = CardQuery.Texts(card).Select(t => HtmlTag().Replace(BackslashEscape().Replace(t, "$1"), string.Empty)).ToList();
        Assert.Contains("status PLAN", shown);
        Assert.Contains("For example: status staff-pulse", shown);
        Assert.Contains("run PLAN now", shown);
        Assert.Contains("For example: run staff-pulse now", shown);
        Assert.Contains("start pulse PLAN", shown);
        Assert.Contains("log feedback TEXT", shown);
        Assert.Contains("latest review [PLAN]", shown);
        Assert.Contains("my pulses", shown);
        Assert.Equal(CardQuery.Texts(card).Select(t => BackslashEscape().Replace(t, "$1")), shown);
    }

    [GeneratedRegex(@"\\(.)")]
    private static partial Regex BackslashEscape();

    [GeneratedRegex(@"</?[A-Za-z][^>]*>")]
    private static partial Regex HtmlTag();
}
