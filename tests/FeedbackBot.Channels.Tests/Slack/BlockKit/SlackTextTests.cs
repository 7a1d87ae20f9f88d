using FeedbackBot.Channels.Slack.BlockKit;

namespace FeedbackBot.Channels.Tests.Slack.BlockKit;

public sealed class SlackTextTests
{
    [Theory]
    [InlineData("a & b", "a &amp; b")]
    [InlineData("<@U123>", "&lt;@U123&gt;")]
    [InlineData("<!channel> and <!here>", "&lt;!channel&gt; and &lt;!here&gt;")]
    [InlineData("<#C123|general>", "&lt;#C123|general&gt;")]
    [InlineData("&amp;", "&amp;amp;")]
    [InlineData("plain words", "plain words")]
    public void Escape_ControlCharacters_Entities(string text, string expected)
    {
        Assert.Equal(expected, SlackText.Escape(text));
    }

    [Fact]
    public void FromMarkdown_DoubleStars_SlackBoldAndEscaped()
    {
        Assert.Equal("*Staff pulse* &amp; *more* &lt;3", SlackText.FromMarkdown("**Staff pulse** & **more** <3"));
    }

    [Fact]
    public void EscapeWithin_EscapedFormLongerThanTheLimit_CutBeforeEscapingWithAnEllipsis()
    {
        var escaped = SlackText.EscapeWithin(new string('<', 100), 50);

        Assert.True(escaped.Length <= 50);
        Assert.Matches("^(&lt;)+…$", escaped);
    }

    [Fact]
    public void Split_LongText_PiecesWithinTheLimitCutAtSpaces()
    {
        var pieces = SlackText.Split("aaaa bbbb cccc dddd", 10);

        Assert.Equal(["aaaa bbbb", "cccc dddd"], pieces);
    }
}
