using FeedbackBot.Core.Analysis.Text;

namespace FeedbackBot.Core.Tests.Analysis.Text;

public sealed class ThemeCoderTests
{
    private static readonly ThemeCoder Coder = new(ThemeTaxonomy.Default);

    [Theory]
    [InlineData("I waited 45 minutes on hold before anyone picked up.", "waiting_time", Polarity.Negative)]
    [InlineData("No wait at all, I was through to someone straight away.", "waiting_time", Polarity.Positive)]
    [InlineData("I didn't have to wait, which made a nice change.", "waiting_time", Polarity.Positive)]
    [InlineData("The queue was not too long today.", "waiting_time", Polarity.Positive)]
    [InlineData("Response times are far too slow.", "waiting_time", Polarity.Negative)]
    [InlineData("The advisor was rude and kept talking over me.", "attitude_empathy", Polarity.Negative)]
    [InlineData("She was so kind and patient while I found my details.", "attitude_empathy", Polarity.Positive)]
    [InlineData("The agent was not friendly at all.", "attitude_empathy", Polarity.Negative)]
    [InlineData("He couldn't have been more helpful.", "attitude_empathy", Polarity.Positive)]
    [InlineData("I felt like a number, nobody cared.", "attitude_empathy", Polarity.Negative)]
    [InlineData("The advisor clearly didn't know what he was doing.", "knowledge", Polarity.Negative)]
    [InlineData("Very knowledgeable staff who answered every question.", "knowledge", Polarity.Positive)]
    [InlineData("I was given wrong information about my contract twice.", "knowledge", Polarity.Negative)]
    [InlineData("The engineer was not competent.", "knowledge", Polarity.Negative)]
    [InlineData("My problem was resolved on the first call.", "resolution", Polarity.Positive)]
    [InlineData("Three weeks on and the fault still isn't fixed.", "resolution", Polarity.Negative)]
    [InlineData("Nothing was done about my complaint.", "resolution", Polarity.Negative)]
    [InlineData("They sorted out the issue in minutes.", "resolution", Polarity.Positive)]
    [InlineData("Nobody called me back as promised.", "communication", Polarity.Negative)]
    [InlineData("They kept me informed at every step.", "communication", Polarity.Positive)]
    [InlineData("The letter was confusing and full of jargon.", "communication", Polarity.Negative)]
    [InlineData("The explanation was not clear.", "communication", Polarity.Negative)]
    [InlineData("I was passed from pillar to post between departments.", "process_policy", Polarity.Negative)]
    [InlineData("The returns process was simple and painless.", "process_policy", Polarity.Positive)]
    [InlineData("Too much paperwork and red tape just to cancel.", "process_policy", Polarity.Negative)]
    [InlineData("There was no red tape at all, the form took two minutes.", "process_policy", Polarity.Positive)]
    [InlineData("The product arrived damaged.", "product", Polarity.Negative)]
    [InlineData("Great quality, the device works perfectly.", "product", Polarity.Positive)]
    [InlineData("No problems with the product at all.", "product", Polarity.Positive)]
    [InlineData("Far too expensive for what you get.", "price", Polarity.Negative)]
    [InlineData("Good value for money.", "price", Polarity.Positive)]
    [InlineData("I was overcharged on my bill again.", "price", Polarity.Negative)]
    [InlineData("There were no hidden charges.", "price", Polarity.Positive)]
    [InlineData("Couldn't get through on the phone for days.", "access_channel", Polarity.Negative)]
    [InlineData("The live chat was fast and easy to use.", "access_channel", Polarity.Positive)]
    [InlineData("The website is confusing and hard to navigate.", "access_channel", Polarity.Negative)]
    [InlineData("Getting hold of someone by phone was not difficult.", "access_channel", Polarity.Positive)]
    public void Code_RealisticComment_FindsTheThemeWithItsPolarity(string comment, string theme, Polarity polarity)
    {
        var mentions = Coder.Code(comment);

        Assert.Contains(new ThemeMention(theme, polarity), mentions);
    }

    [Theory]
    [InlineData("Call me on 07700 900123 if you need more details.")]
    [InlineData("Please email me the form.")]
    [InlineData("No reply to my first two emails, had to phone in the end.")]
    [InlineData("I used the live chat to ask about my order.")]
    public void Code_ChannelNamedWithoutJudgingIt_IsNotAboutAccess(string comment)
    {
        Assert.DoesNotContain(Coder.Code(comment), m => m.ThemeId == "access_channel");
    }

    [Theory]
    [InlineData("The app is useless.", Polarity.Negative)]
    [InlineData("The website is brilliant.", Polarity.Positive)]
    public void Code_ChannelJudgedOnItsOwn_IsAboutAccess(string comment, Polarity polarity)
    {
        Assert.Contains(new ThemeMention("access_channel", polarity), Coder.Code(comment));
    }

    [Fact]
    public void Code_CommentOnSeveralThemes_JudgesEachByItsOwnPart()
    {
        var mentions = Coder.Code("Long wait, but the agent was lovely and sorted out my refund.");

        Assert.Equal(
            [
                new ThemeMention("waiting_time", Polarity.Negative),
                new ThemeMention("attitude_empathy", Polarity.Positive),
                new ThemeMention("resolution", Polarity.Positive),
                new ThemeMention("price", Polarity.Positive),
            ],
            mentions);
    }

    [Fact]
    public void Code_ThemeMentionedInTwoSentences_IsCodedOnce()
    {
        var mentions = Coder.Code("The wait was long. Then I waited again! Waiting is all I do.");

        Assert.Equal([new ThemeMention("waiting_time", Polarity.Negative)], mentions);
    }

    [Theory]
    [InlineData("I waited an hour.")]
    [InlineData("Still waiting for someone to pick up.")]
    [InlineData("Two waits of twenty minutes each.")]
    [InlineData("WAITING WAS TERRIBLE")]
    [InlineData("They put me on hold and then on hold again.")]
    public void Code_InflectionsAndPhrasesInAnyCase_MatchTheKeyword(string comment)
    {
        Assert.Contains(Coder.Code(comment), m => m.ThemeId == "waiting_time");
    }

    [Theory]
    [InlineData("The awaiting reply status is shown in the portal.")]
    [InlineData("The hold music is fine.")]
    [InlineData("I will let you know in order to plan.")]
    public void Code_KeywordInsideAnotherWordOrPhrase_DoesNotMatch(string comment)
    {
        Assert.DoesNotContain(Coder.Code(comment), m => m.ThemeId is "waiting_time" or "knowledge" or "product");
    }

    [Fact]
    public void Code_LongerPhraseOfAnotherTheme_WinsOverTheWordInside()
    {
        var mentions = Coder.Code("They promised to call me back.");

        Assert.Equal(["communication"], mentions.Select(m => m.ThemeId));
    }

    [Fact]
    public void Code_CommentWithoutKeywords_IsUncoded()
    {
        Assert.Empty(Coder.Code("Absolutely brilliant from start to finish."));
    }

    [Theory]
    [InlineData("Brilliant service, thank you!", Polarity.Positive)]
    [InlineData("Terrible. Just terrible.", Polarity.Negative)]
    [InlineData("I have an account with you.", Polarity.Neutral)]
    [InlineData("Not bad at all.", Polarity.Positive)]
    [InlineData("I wouldn't recommend them to anyone.", Polarity.Negative)]
    [InlineData("Would highly recommend.", Polarity.Positive)]
    [InlineData("Nothing was too much trouble for her.", Polarity.Positive)]
    [InlineData("The staff were nice, but the whole thing was a shambles.", Polarity.Negative)]
    [InlineData("It took a while, but the result was excellent.", Polarity.Positive)]
    public void Sentiment_WholeComment_WeighsTheClauseAfterButMore(string comment, Polarity polarity)
    {
        Assert.Equal(polarity, ThemeCoder.Sentiment(comment));
    }

    [Fact]
    public void Code_IntensifierAndDiminisher_ChangeWhetherAMildWordIsPolar()
    {
        // "ok" alone is mildly positive; "slightly" halves it below the threshold, "really" keeps it clear.
        Assert.Equal(Polarity.Positive, Coder.Code("The price was really ok.").Single().Polarity);
        Assert.Equal(Polarity.Neutral, Coder.Code("The price was slightly ok.").Single().Polarity);
    }
}
