using System.Text.Json.Nodes;
using FeedbackBot.Channels.AdaptiveCards;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Channels.Tests.AdaptiveCards;

public sealed class SurveyThanksCardTests
{
    private static JsonObject Render(SurveyThanks thanks)
    {
        var card = AdaptiveCardRenderer.Render(thanks).Card!;
        AdaptiveCardSchema.AssertValid(card);
        return card;
    }

    [Fact]
    public void Render_SurveyThanks_ShowsEachQuestionWithItsAnswer()
    {
        var card = Render(new SurveyThanks("Customer experience", [new("How satisfied were you?", "4"), new("Was your problem solved?", "Yes")], false));

        Assert.Equal("Thanks — your answers", CardQuery.Texts(card)[0]);
        Assert.Equal([("How satisfied were you?", "4"), ("Was your problem solved?", "Yes")], CardQuery.Facts(card));
        Assert.DoesNotContain(CardQuery.Texts(card), t => t.Contains("without your name", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_AnonymousThanks_SaysAnswersAreStoredWithoutTheName()
    {
        var card = Render(new SurveyThanks("Staff pulse", [new("How supported do you feel?", "5")], true));

        Assert.Contains("Your answers are stored without your name.", CardQuery.Texts(card));
    }

    [Fact]
    public void Render_NothingAnswered_SaysSoInsteadOfAnEmptyList()
    {
        var card = Render(new SurveyThanks("Staff pulse", [], false));

        Assert.Empty(CardQuery.Facts(card));
        Assert.Contains("You left every question blank.", CardQuery.Texts(card));
    }

    [Fact]
    public void Render_HostileComment_EscapedSoNoLinkOrBold()
    {
        var card = Render(new SurveyThanks("Customer experience", [new("Anything else?", CardSamples.Hostile)], false));

        var (_, answer) = Assert.Single(CardQuery.Facts(card));
        Assert.Equal(@"Great! \[click\](http://evil) and \*\*bold\*\* \_now\_", answer);
    }
}
