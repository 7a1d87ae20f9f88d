using System.Text.Json.Nodes;
using FeedbackBot.Channels.AdaptiveCards;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Channels.Tests.AdaptiveCards;

public sealed class FeedbackCardTests
{
    private static readonly FeedbackPrompt Prompt = new("card-9", "The agent sorted my refund in minutes", ["responsiveness", "first_contact"], null);

    private static JsonObject Render(BotReply reply)
    {
        var card = AdaptiveCardRenderer.Render(reply).Card!;
        AdaptiveCardSchema.AssertValid(card);
        return card;
    }

    [Fact]
    public void Render_FeedbackPrompt_ShowsTheTextAndAsksFeatureAndKind()
    {
        var card = Render(Prompt);

        Assert.Contains("“The agent sorted my refund in minutes”", CardQuery.Texts(card));
        var feature = CardQuery.Input(card, FeedbackFields.Feature);
        Assert.True((bool)feature["isRequired"]!);
        Assert.Equal(["Responsiveness", "First contact"], feature["choices"]!.AsArray().Select(c => (string)c!["title"]!));
        Assert.Equal(["responsiveness", "first_contact"], feature["choices"]!.AsArray().Select(c => (string)c!["value"]!));
        var kind = CardQuery.Input(card, FeedbackFields.Kind);
        Assert.True((bool)kind["isRequired"]!);
        Assert.Equal(["praise", "complaint"], kind["choices"]!.AsArray().Select(c => (string)c!["value"]!));
    }

    [Fact]
    public void Render_FeedbackPrompt_SaveCarriesCardIdAndText()
    {
        var save = Assert.Single(CardQuery.Actions(Render(Prompt)));

        Assert.Equal("Action.Execute", (string?)save["type"]);
        Assert.Equal(Verbs.SubmitFeedback, (string?)save["verb"]);
        Assert.Equal("card-9", (string?)save["data"]![Verbs.CardField]);
        Assert.Equal(Prompt.Text, (string?)save["data"]![Verbs.TextField]);
        Assert.Equal("Action.Submit", (string?)save["fallback"]!["type"]);
    }

    [Fact]
    public void Render_FeedbackPromptWithError_ShowsItInAttentionColour()
    {
        var card = Render(Prompt with { Error = "Choose one of the plan's features." });

        var error = CardQuery.TextBlocks(card).Single(t => (string?)t["color"] == "attention");
        Assert.Equal("Choose one of the plan's features.", (string?)error["text"]);
    }

    [Fact]
    public void Render_FeedbackPromptWithoutError_NoAttentionText()
    {
        Assert.DoesNotContain(CardQuery.TextBlocks(Render(Prompt)), t => t["color"] is not null);
    }

    [Fact]
    public void Render_HostileFeedbackText_Escaped()
    {
        var card = Render(Prompt with { Text = CardSamples.Hostile });

        Assert.Contains(@"“Great! \[click\](http://evil) and \*\*bold\*\* \_now\_”", CardQuery.Texts(card));
    }

    [Fact]
    public void Render_FeedbackThanks_ConfirmsTextFeatureAndKind()
    {
        var card = Render(new FeedbackThanks("Slow to answer the phone", "responsiveness", "complaint"));

        Assert.Equal("Feedback logged", CardQuery.Texts(card)[0]);
        Assert.Equal(
            [("Feedback", "Slow to answer the phone"), ("Feature", "Responsiveness"), ("Kind", "Complaint")],
            CardQuery.Facts(card));
    }
}
