using System.Text.Json;
using System.Text.Json.Nodes;
using FeedbackBot.Channels.AdaptiveCards;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Channels.Tests.AdaptiveCards;

/// <summary>The Adopt button beside a review's recommendations and the Update button of each improvement action, in Teams.</summary>
public sealed class ActionButtonsCardTests
{
    private static JsonObject Render(BotReply reply)
    {
        var card = AdaptiveCardRenderer.Render(reply).Card!;
        AdaptiveCardSchema.AssertValid(card);
        return card;
    }

    private static List<JsonObject> BodyButtons(JsonObject card) =>
        [.. CardQuery.Elements(card).Where(e => CardQuery.Type(e) == "ActionSet").SelectMany(e => e["actions"]!.AsArray().Select(a => a!.AsObject()))];

    // Text blocks are Markdown: what a person reads has no escaping backslashes.
    private static string Shown(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\\([\\`*_{}\[\]()#+\-.!>|~<])", "$1");

    // What Teams delivers when the button is pressed: an Action.Execute invoke with the button's verb and data.
    private static BotSubmission? Press(JsonObject button) => AdaptiveCardSubmissions.Read(JsonSerializer.SerializeToElement(new JsonObject
    {
        ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = (string?)button["verb"], ["data"] = button["data"]!.DeepClone() },
        ["trigger"] = "manual",
    }));

    [Fact]
    public void Render_RecommendationNotActedOn_AdoptButtonAsksForTheFormWithReviewAndRecommendation()
    {
        var button = Assert.Single(BodyButtons(Render(CardSamples.ReviewWithAdopt())));

        Assert.Equal("Adopt", (string?)button["title"]);
        var submission = Press(button);
        Assert.NotNull(submission);
        Assert.Equal(Verbs.OpenAdoption, submission.Verb);
        Assert.Equal("0d3c2b1a-7b2c-4f5e-9a8b-1c2d3e4f5a6b", submission.Values[Verbs.PlanField]);
        Assert.Equal("r1", submission.Values[Verbs.CycleField]);
    }

    [Fact]
    public void Render_RecommendationActedOn_SaysSoInsteadOfAButton()
    {
        var texts = CardQuery.Texts(Render(CardSamples.ReviewWithAdopt())).Select(Shown).ToList();

        Assert.Contains("Being acted on: action 3, in progress", texts);
    }

    [Fact]
    public void Render_OlderClientPressesAdopt_SubmitFallbackCarriesTheVerb()
    {
        var button = BodyButtons(Render(CardSamples.ReviewWithAdopt()))[0];

        var submission = AdaptiveCardSubmissions.Read(JsonSerializer.SerializeToElement(button["fallback"]!["data"]));

        Assert.Equal(Verbs.OpenAdoption, submission?.Verb);
        Assert.Equal("r1", submission?.Values[Verbs.CycleField]);
    }

    [Fact]
    public void Render_ActionList_EachActionWithStatusDueOwnerAndDetail()
    {
        var texts = CardQuery.Texts(Render(CardSamples.Actions())).Select(Shown).ToList();

        Assert.Equal("Your open improvement actions", texts[0]);
        Assert.Contains("3. Add a morning email shift", texts);
        Assert.Contains("in progress · overdue: due 30 Nov 2026 · owner: ana@example.com", texts);
        Assert.Contains("KPI first_response: 48 (n = 212) at adoption; success at or below 30", texts);
        Assert.Contains("implemented, live since 1 Dec 2026 · due 14 Dec 2026 · owner: U024BE7LH", texts);
        Assert.Equal("and 2 more: 'feedbackbot actions list' shows them all.", texts[^1]);
    }

    [Fact]
    public void Render_ActionList_OverdueInAttentionColour()
    {
        var overdue = CardQuery.TextBlocks(Render(CardSamples.Actions())).Single(t => ((string)t["text"]!).StartsWith("in progress", StringComparison.Ordinal));

        Assert.Equal("attention", (string?)overdue["color"]);
    }

    [Fact]
    public void Render_ActionList_UpdateButtonOnlyWhereTheReaderMayUpdate()
    {
        var button = Assert.Single(BodyButtons(Render(CardSamples.Actions())));

        var submission = Press(button);
        Assert.Equal(Verbs.OpenImprovementActionUpdate, submission?.Verb);
        Assert.Equal("5e0c7d2a-1b3c-4d5e-8f9a-0b1c2d3e4f5a", submission?.Values[Verbs.CycleField]);
        Assert.Equal("customer-experience", submission?.Values[Verbs.PlanField]);
    }

    [Fact]
    public void Read_ButtonPressWithoutItsHiddenFields_NotASubmission()
    {
        var submission = AdaptiveCardSubmissions.Read(JsonSerializer.SerializeToElement(new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = Verbs.OpenAdoption, ["data"] = new JsonObject { [Verbs.CycleField] = "r1" } },
        }));

        Assert.Null(submission);
    }

    [Fact]
    public void Render_FiveAdoptableRecommendationsWithLongTexts_StaysUnderTeamsCardLimit()
    {
        var longText = string.Concat(Enumerable.Repeat("Customers waited far too long for a reply ", 200));
        var button = new FormButton("Adopt", Verbs.OpenAdoption, Guid.NewGuid().ToString("D"), "r12", new string('c', 64));
        var kpis = Enumerable.Range(0, 200).Select(i => new KpiLine($"{longText} {i}", longText, longText, longText)).ToList();
        var summary = CardSamples.Review(kpis) with
        {
            PlanName = longText,
            Strengths = [longText, longText, longText],
            Shortfalls = [longText, longText, longText],
            Gaps = [longText, longText, longText],
            Recommendations = [.. Enumerable.Repeat(new RecommendationLine(longText, longText, longText, new DateOnly(2026, 12, 1), longText, button), 5)],
        };

        var card = Render(summary);

        Assert.True(AdaptiveCardFormat.SizeInBytes(card) < AdaptiveCardFormat.MaxBytes, $"{AdaptiveCardFormat.SizeInBytes(card)} bytes");
        Assert.Equal(ReviewSummary.TopCount, BodyButtons(card).Count);
    }
}
