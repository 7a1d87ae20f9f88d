using FeedbackBot.Channels.Slack.BlockKit;
using FeedbackBot.Channels.Tests.AdaptiveCards;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.People;

namespace FeedbackBot.Channels.Tests.Slack.BlockKit;

public sealed class BlockKitRendererTests
{
    [Fact]
    public void Render_TextReply_MrkdwnSectionWithSlackBold()
    {
        var message = BlockKitRenderer.Render(new TextReply("**Staff pulse** closed on 18 Oct 2026."));

        var section = Assert.Single(SlackQuery.Blocks(message));
        Assert.Equal("section", (string?)section["type"]);
        Assert.Equal("mrkdwn", (string?)section["text"]!["type"]);
        Assert.Equal("*Staff pulse* closed on 18 Oct 2026.", (string?)section["text"]!["text"]);
        Assert.Equal("Staff pulse closed on 18 Oct 2026.", message.Text);
    }

    [Fact]
    public void Render_TextReplyWithControlCharacters_EscapedSoNoMentionOrLinkForms()
    {
        var message = BlockKitRenderer.Render(new TextReply("Tom & Jerry said <!here> <@U123> <http://evil|click>"));

        var text = (string?)SlackQuery.Blocks(message)[0]["text"]!["text"];
        Assert.Equal("Tom &amp; Jerry said &lt;!here&gt; &lt;@U123&gt; &lt;http://evil|click&gt;", text);
        Assert.DoesNotContain("<", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TextLongerThanOneSection_SplitIntoSectionsKeepingEveryWord()
    {
        var words = Enumerable.Range(0, 1500).Select(i => $"word{i}").ToList();
        var message = BlockKitRenderer.Render(new TextReply(string.Join(' ', words)));

        var sections = SlackQuery.Blocks(message);
        Assert.True(sections.Count >= 3);
        Assert.All(sections, s => Assert.True(((string)s["text"]!["text"]!).Length <= BlockKitLimits.SectionText));
        Assert.Equal(words, sections.SelectMany(s => ((string)s["text"]!["text"]!).Split(' ')));
        Assert.Empty(BlockKitLimits.Check(message));
    }

    [Fact]
    public void Render_TextOfAmpersandsAtASectionBoundary_NoEntityCutInTwo()
    {
        var message = BlockKitRenderer.Render(new TextReply(new string('&', 2000)));

        var texts = SlackQuery.Blocks(message).Select(s => (string)s["text"]!["text"]!).ToList();
        Assert.Equal(4, texts.Count);
        Assert.All(texts, t => Assert.Matches("^(&amp;)+$", t));
        Assert.Equal(2000, string.Concat(texts).Length / "&amp;".Length);
        Assert.Empty(BlockKitLimits.Check(message));
    }

    [Fact]
    public void Render_TextLongerThanFiftySections_FiftySectionsEndingInAnEllipsis()
    {
        var message = BlockKitRenderer.Render(new TextReply(string.Join(' ', Enumerable.Repeat("word", 40000))));

        var sections = SlackQuery.Blocks(message);
        Assert.Equal(BlockKitLimits.MessageBlocks, sections.Count);
        Assert.EndsWith("word …", (string)sections[^1]["text"]!["text"]!, StringComparison.Ordinal);
        Assert.Empty(BlockKitLimits.Check(message));
    }

    [Fact]
    public void Render_HelpForAdmin_EverySlashCommandWithItsDescription()
    {
        var message = BlockKitRenderer.Render(HelpCatalog.For(PersonRole.Admin));

        var text = SlackQuery.AllText(message);
        Assert.Contains("What I can do", text, StringComparison.Ordinal);
        Assert.Contains("as an admin", text, StringComparison.Ordinal);
        Assert.Contains("`/feedback help`\nWhat I can do for you.", text, StringComparison.Ordinal);
        Assert.Contains("`/feedback start pulse PLAN`", text, StringComparison.Ordinal);
        Assert.Contains("For example: `/feedback status staff-pulse`", text, StringComparison.Ordinal);
        Assert.Contains("`/feedback my pulses`", text, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;", text, StringComparison.Ordinal);
        Assert.Contains("`/feedback role @person manager|staff`", text, StringComparison.Ordinal);
        Assert.StartsWith("Commands: /feedback help; ", message.Text, StringComparison.Ordinal);
        Assert.Empty(BlockKitLimits.Check(message));
    }

    [Fact]
    public void Render_HelpForStaff_NoManagerCommands()
    {
        var text = SlackQuery.AllText(BlockKitRenderer.Render(HelpCatalog.For(PersonRole.Staff)));

        Assert.Contains("as a member of staff", text, StringComparison.Ordinal);
        Assert.DoesNotContain("start pulse", text, StringComparison.Ordinal);
        Assert.DoesNotContain("role @person", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SurveyPrompt_TitleIntroSizeAndAnswerButtonCarryingTheIds()
    {
        var prompt = CardSamples.Survey(intro: "Your answers are anonymous.");

        var message = BlockKitRenderer.Render(prompt);

        var text = SlackQuery.AllText(message);
        Assert.Equal("Customer experience", (string?)SlackQuery.Blocks(message)[0]["text"]!["text"]);
        Assert.Contains("Your answers are anonymous.", text, StringComparison.Ordinal);
        Assert.Contains("7 questions, 3 required", text, StringComparison.Ordinal);
        var button = Assert.Single(SlackQuery.Elements(message.Blocks));
        Assert.Equal("Answer", (string?)button["text"]!["text"]);
        Assert.Equal(BlockKitActions.OpenSurvey, (string?)button["action_id"]);
        Assert.Equal("""{"_plan":"customer-experience","_cycle":"cycle-2026-10-12","_card":"card-7"}""", (string?)button["value"]);
        Assert.DoesNotContain(SlackQuery.Blocks(message), b => (string?)b["type"] == "input");
        Assert.Empty(BlockKitLimits.Check(message));
    }

    [Fact]
    public void Render_SurveyThanks_EachAnswerUnderItsQuestionAndTheAnonymousNote()
    {
        var thanks = new SurveyThanks("Staff pulse", [new("How satisfied were you?", "4"), new("Anything else?", "More <b>staff</b> & time")], Anonymous: true);

        var message = BlockKitRenderer.Render(thanks);

        var text = SlackQuery.AllText(message);
        Assert.Contains("Thanks — your answers", text, StringComparison.Ordinal);
        Assert.Contains("Staff pulse", text, StringComparison.Ordinal);
        Assert.Contains("*How satisfied were you?*\n4", text, StringComparison.Ordinal);
        Assert.Contains("*Anything else?*\nMore &lt;b&gt;staff&lt;/b&gt; &amp; time", text, StringComparison.Ordinal);
        Assert.Contains("Your answers are stored without your name.", text, StringComparison.Ordinal);
        Assert.Equal("Thanks for answering Staff pulse.", message.Text);
    }

    [Fact]
    public void Render_SurveyThanksNotAnonymousAndBlank_SaysSoWithoutTheAnonymousNote()
    {
        var text = SlackQuery.AllText(BlockKitRenderer.Render(new SurveyThanks("Customer experience", [], Anonymous: false)));

        Assert.Contains("You left every question blank.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("without your name", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SurveyThanksWithHundredsOfAnswers_WithinLimitsAndSaysHowManyMore()
    {
        var answers = Enumerable.Range(0, 700).Select(i => new SurveyAnswer($"Question {i}", new string('x', 4000))).ToList();

        var message = BlockKitRenderer.Render(new SurveyThanks("Big", answers, Anonymous: true));

        Assert.Empty(BlockKitLimits.Check(message));
        Assert.Contains("and 240 more answers", SlackQuery.AllText(message), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FeedbackPrompt_QuoteFeatureSelectAndPraiseComplaintButtons()
    {
        var message = BlockKitRenderer.Render(new FeedbackPrompt("card-9", "Rude on the phone", ["empathy", "first_contact"], null));

        var text = SlackQuery.AllText(message);
        Assert.Contains("Log customer feedback", text, StringComparison.Ordinal);
        Assert.Contains("> Rude on the phone", text, StringComparison.Ordinal);
        var elements = SlackQuery.Elements(message.Blocks);
        var select = elements.Single(e => (string?)e["type"] == "static_select");
        Assert.Equal(BlockKitActions.FeedbackFeature, (string?)select["action_id"]);
        Assert.Equal(["Empathy", "First contact"], SlackQuery.Options(select).Select(o => (string)o["text"]!["text"]!));
        Assert.Equal(["empathy", "first_contact"], SlackQuery.Options(select).Select(o => (string)o["value"]!));
        var buttons = elements.Where(e => (string?)e["type"] == "button").ToList();
        Assert.Equal(["Praise", "Complaint"], buttons.Select(b => (string)b["text"]!["text"]!));
        Assert.All(buttons, b => Assert.Equal("card-9\nRude on the phone", (string?)b["value"]));
        Assert.Empty(BlockKitLimits.Check(message));
    }

    [Fact]
    public void Render_FeedbackPromptWithError_ShowsTheError()
    {
        var message = BlockKitRenderer.Render(new FeedbackPrompt("card-9", "Rude", ["empathy"], "Choose the service feature it concerns."));

        Assert.Contains(":warning: Choose the service feature it concerns.", SlackQuery.AllText(message), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FeedbackPromptTooLongForAButton_SaysSoInsteadOfOfferingButtons()
    {
        var message = BlockKitRenderer.Render(new FeedbackPrompt("card-9", new string('a', 3000), ["empathy"], null));

        Assert.DoesNotContain(SlackQuery.Elements(message.Blocks), e => (string?)e["type"] == "button");
        Assert.Contains("This feedback is 3000 characters long; Slack can log at most 1993.", SlackQuery.AllText(message), StringComparison.Ordinal);
        Assert.Empty(BlockKitLimits.Check(message));
    }

    [Fact]
    public void Render_FeedbackPromptWithMultilineHostileText_EveryLineQuotedAndEscaped()
    {
        var message = BlockKitRenderer.Render(new FeedbackPrompt("card-9", "line one <@U1>\n<!channel> & two", ["empathy"], null));

        Assert.Contains("> line one &lt;@U1&gt;\n> &lt;!channel&gt; &amp; two", SlackQuery.AllText(message), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FeedbackThanks_TextFeatureAndKind()
    {
        var message = BlockKitRenderer.Render(new FeedbackThanks("Very <kind>", "first_contact", "praise"));

        var text = SlackQuery.AllText(message);
        Assert.Contains("Feedback logged", text, StringComparison.Ordinal);
        Assert.Contains("> Very &lt;kind&gt;", text, StringComparison.Ordinal);
        Assert.Contains("*Feature*\nFirst contact", text, StringComparison.Ordinal);
        Assert.Contains("*Kind*\nPraise", text, StringComparison.Ordinal);
        Assert.Contains("It counts as evidence in the next review.", text, StringComparison.Ordinal);
        Assert.Equal("Feedback logged under First contact.", message.Text);
    }

    [Fact]
    public void Render_UnknownReply_Refused()
    {
        Assert.Throws<ArgumentException>(() => BlockKitRenderer.Render(new UnknownReply()));
    }

    private sealed record UnknownReply : BotReply;
}
