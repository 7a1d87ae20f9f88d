using System.Text.Json.Nodes;
using FeedbackBot.Channels.AdaptiveCards;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Channels.Tests.AdaptiveCards;

public sealed class ReviewSummaryCardTests
{
    private static JsonObject Render(ReviewSummary summary)
    {
        var card = AdaptiveCardRenderer.Render(summary).Card!;
        AdaptiveCardSchema.AssertValid(card);
        return card;
    }

    /// <summary>The text block that says a KPI's status: the one beside its name.</summary>
    private static JsonObject StatusOf(JsonObject card, string kpi)
    {
        var row = CardQuery.Elements(card).Single(e =>
            CardQuery.Type(e) == "ColumnSet" && (string?)e["columns"]![0]!["items"]![0]!["text"] == kpi);
        return row["columns"]![1]!["items"]![0]!.AsObject();
    }

    [Theory]
    [InlineData("CSAT", "✓ Met", "good")]
    [InlineData("NPS", "! At risk", "warning")]
    [InlineData("First response minutes", "✗ Missed", "attention")]
    [InlineData("CES", "– Not enough data", "default")]
    public void Render_Kpi_StatusInWordsAndColour(string kpi, string text, string color)
    {
        var status = StatusOf(Render(CardSamples.Review()), kpi);

        Assert.Equal(text, (string?)status["text"]);
        Assert.Equal(color, (string?)status["color"]);
    }

    [Fact]
    public void Render_Kpi_ValueAndTargetUnderItsName()
    {
        var texts = CardQuery.Texts(Render(CardSamples.Review()));

        Assert.Contains("87% · target ≥ 85%", texts);
        Assert.Contains("48 · target ≤ 30", texts);
    }

    [Fact]
    public void Render_KpiWithheld_SaysWhyUnderItsFigures()
    {
        const string why = "Not enough data to compare with the target of 4.00: fewer than 3 answers, the smallest group the plan reports on.";
        var summary = CardSamples.Review(kpis: [new KpiLine("Mean quick", "not enough data", "≥ 4.00", "not_enough_data", why)]);

        var texts = CardQuery.Texts(Render(summary));

        Assert.Equal(["Mean quick", "not enough data · target ≥ 4.00", why], texts.SkipWhile(t => t != "Mean quick").Take(3));
    }

    [Fact]
    public void Render_ReviewSummary_TitleCycleAndValidationLine()
    {
        var texts = CardQuery.Texts(Render(CardSamples.Review()));

        Assert.Equal(["Customer experience", "12 Oct – 18 Oct 2026", "340 usable of 347 received"], texts.Take(3));
    }

    [Fact]
    public void Render_ReviewSummary_SectionsInOrderWithTheirItems()
    {
        var texts = CardQuery.Texts(Render(CardSamples.Review()));

        var order = new[] { "Strengths", "• Agents are friendly", "Shortfalls", "• Slow first response on email", "Gaps", "• Staff rate resolution higher than customers", "Recommendations", "• Add a morning email shift" }
            .Select(t => texts.IndexOf(t))
            .ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public void Render_Recommendation_PriorityOwnerAndReviewDate()
    {
        var card = Render(CardSamples.Review());

        var detail = CardQuery.TextBlocks(card).Single(t => ((string)t["text"]!).StartsWith("High priority", StringComparison.Ordinal));
        Assert.Equal("High priority · owner: team lead · review by 30 Nov 2026", (string?)detail["text"]);
        Assert.Equal("attention", (string?)detail["color"]);
    }

    [Fact]
    public void Render_ReviewSummary_OpensTheFullReport()
    {
        var action = Assert.Single(CardQuery.Actions(Render(CardSamples.Review())));

        Assert.Equal("Action.OpenUrl", (string?)action["type"]);
        Assert.Equal("Open the full report", (string?)action["title"]);
        Assert.Equal("https://bot.example.com/reviews/42?token=abc", (string?)action["url"]);
    }

    [Fact]
    public void Render_NoStrengthsOrRecommendations_SectionsLeftOut()
    {
        var texts = CardQuery.Texts(Render(CardSamples.Review(strengths: [], recommendations: [])));

        Assert.DoesNotContain("Strengths", texts);
        Assert.DoesNotContain("Recommendations", texts);
        Assert.Contains("Shortfalls", texts);
    }

    [Fact]
    public void Render_LongTextsAndManyKpis_StaysUnderTeamsCardLimit()
    {
        var longText = string.Concat(Enumerable.Repeat("Customers waited far too long for a reply [see](http://x) ", 200));
        var kpis = Enumerable.Range(0, 200).Select(i => new KpiLine($"{longText} {i}", longText, longText, longText)).ToList();
        var summary = CardSamples.Review(kpis) with
        {
            PlanName = longText,
            Cycle = longText,
            Strengths = [longText, longText, longText, longText, longText],
            Shortfalls = [longText, longText, longText, longText],
            Gaps = [longText, longText, longText, longText],
            Recommendations = [.. Enumerable.Repeat(new RecommendationLine(longText, longText, longText, new DateOnly(2026, 12, 1)), 5)],
            Validation = longText,
        };

        var card = Render(summary);

        Assert.True(AdaptiveCardFormat.SizeInBytes(card) < AdaptiveCardFormat.MaxBytes, $"{AdaptiveCardFormat.SizeInBytes(card)} bytes");
        var texts = CardQuery.Texts(card);
        Assert.All(texts, t => Assert.True(t.Length < 400, t));
        Assert.EndsWith("…", texts[0], StringComparison.Ordinal);
        Assert.Contains("175 more KPIs are in the full report.", texts);
        Assert.Equal(ReviewSummary.TopCount, texts.IndexOf("Shortfalls") - texts.IndexOf("Strengths") - 1);
    }

    [Fact]
    public void Render_HostileFindingText_Escaped()
    {
        var card = Render(CardSamples.Review(strengths: [CardSamples.Hostile]));

        Assert.Contains(@"• Great! \[click\](http://evil) and \*\*bold\*\* \_now\_", CardQuery.Texts(card));
    }
}
