using FeedbackBot.Channels.AdaptiveCards;

namespace FeedbackBot.Channels.Tests.AdaptiveCards;

public sealed class CardMarkdownTests
{
    [Theory]
    [InlineData("[click](http://evil)", @"\[click\](http://evil)")]
    [InlineData("**bold** and _it_", @"\*\*bold\*\* and \_it\_")]
    [InlineData(@"a\b", @"a\\b")]
    [InlineData("# Title", @"\# Title")]
    [InlineData("## Title", @"#\# Title")]
    [InlineData("#1 fan", "#1 fan")]
    [InlineData("Title\n---", "Title\n\\---")]
    [InlineData("Title\n===", "Title\n\\===")]
    [InlineData("- item", @"\- item")]
    [InlineData("+ item", @"\+ item")]
    [InlineData("> quoted", @"\> quoted")]
    [InlineData("1. first", @"1\. first")]
    [InlineData("line\n  12) twelfth", "line\n  12\\) twelfth")]
    [InlineData("costs 1.5 pounds - roughly # 2", "costs 1.5 pounds - roughly # 2")]
    [InlineData("4.2 average", "4.2 average")]
    [InlineData("10.", @"10\.")]
    [InlineData("plain words", "plain words")]
    public void Escape_MarkdownCharacters_ReadAsWritten(string text, string expected)
    {
        Assert.Equal(expected, CardMarkdown.Escape(text));
    }

    [Fact]
    public void Truncate_LongText_CutWithEllipsisWithinLength()
    {
        var cut = CardMarkdown.Truncate("The queue was very long today", 12);

        Assert.Equal("The queue w…", cut);
        Assert.True(cut.Length <= 12);
    }

    [Fact]
    public void Truncate_ShortText_Unchanged()
    {
        Assert.Equal("short", CardMarkdown.Truncate("short", 5));
    }

    [Fact]
    public void Truncate_CutThroughSurrogatePair_KeepsWholeCharacters()
    {
        var cut = CardMarkdown.Truncate("ab😀cd", 4);

        Assert.Equal("ab…", cut);
    }
}
