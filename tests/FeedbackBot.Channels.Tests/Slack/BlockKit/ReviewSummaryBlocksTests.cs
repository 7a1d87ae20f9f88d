using System.Globalization;
using FeedbackBot.Channels.Slack.BlockKit;
using FeedbackBot.Channels.Tests.AdaptiveCards;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Channels.Tests.Slack.BlockKit;

public sealed class ReviewSummaryBlocksTests
{
    [Fact]
    public void Render_ReviewSummary_HeaderValidationKpisFindingsRecommendationsAndReportButton()
    {
        var message = BlockKitRenderer.Render(CardSamples.Review());

        var blocks = SlackQuery.Blocks(message);
        var text = SlackQuery.AllText(message);
        Assert.Equal("Review: Customer experience", (string?)blocks[0]["text"]!["text"]);
        Assert.Contains("12 Oct – 18 Oct 2026 · 340 usable of 347 received", text, StringComparison.Ordinal);
        Assert.Contains("*CSAT*\n:large_green_circle: ✓ Met\n87% · target ≥ 85%", text, StringComparison.Ordinal);
        Assert.Contains("*NPS*\n:large_yellow_circle: ! At risk\n31 · target ≥ 30", text, StringComparison.Ordinal);
        Assert.Contains("*First response minutes*\n:red_circle: ✗ Missed\n48 · target ≤ 30", text, StringComparison.Ordinal);
        Assert.Contains("*CES*\n:white_circle: – Not enough data\nnot enough data · target ≤ 3", text, StringComparison.Ordinal);
        Assert.Contains("*Strengths*\n• Agents are friendly", text, StringComparison.Ordinal);
        Assert.Contains("*Shortfalls*\n• Slow first response on email", text, StringComparison.Ordinal);
        Assert.Contains("*Gaps*\n• Staff rate resolution higher than customers", text, StringComparison.Ordinal);
        Assert.Contains("• Add a morning email shift\n    :exclamation: _High priority · owner: team lead · review by 30 Nov 2026_", text, StringComparison.Ordinal);
        var button = Assert.Single(SlackQuery.Elements(message.Blocks));
        Assert.Equal("Open the full report", (string?)button["text"]!["text"]);
        Assert.Equal("https://bot.example.com/reviews/42?token=abc", (string?)button["url"]);
        Assert.Equal(BlockKitActions.OpenReport, (string?)button["action_id"]);
        Assert.Equal("Review of Customer experience, 12 Oct – 18 Oct 2026: https://bot.example.com/reviews/42?token=abc", message.Text);
        Assert.Empty(BlockKitLimits.Check(message));
    }

    [Fact]
    public void Render_KpiWithheld_SaysWhyUnderItsFigures()
    {
        const string why = "Not enough data to compare with the target of 4.00: fewer than 3 answers.";
        var summary = CardSamples.Review(kpis: [new KpiLine("Mean quick", "not enough data", "≥ 4.00", "not_enough_data", why)]);

        var text = SlackQuery.AllText(BlockKitRenderer.Render(summary));

        Assert.Contains($"*Mean quick*\n:white_circle: – Not enough data\nnot enough data · target ≥ 4.00\n_{why}_", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ReviewSummaryWithoutKpisOrFindings_SaysThereAreNoKpisAndSkipsEmptyLists()
    {
        var summary = CardSamples.Review(kpis: [], strengths: [], recommendations: []);

        var text = SlackQuery.AllText(BlockKitRenderer.Render(summary));

        Assert.Contains("This plan has no KPIs.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Strengths", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Recommendations", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HugeReviewSummary_WithinLimitsWithHowManyMore()
    {
        var huge = new string('W', 5000);
        var kpis = Enumerable.Range(0, 400).Select(i => new KpiLine($"KPI {i} {huge}", huge, huge, i % 2 == 0 ? "met" : "something_new")).ToList();
        var items = Enumerable.Range(0, 300).Select(i => $"Finding {i} <@U{i}> & {huge}").ToList();
        var recommendations = Enumerable.Range(0, 300)
            .Select(i => new RecommendationLine($"Do {i} {huge}", huge, huge, new DateOnly(2027, 1, 1)))
            .ToList();
        var summary = new ReviewSummary(huge, huge, kpis, items, items, items, recommendations, huge, new Uri("https://bot.example.com/reviews/1?token=" + new string('t', 500)));

        var message = BlockKitRenderer.Render(summary);

        Assert.Empty(BlockKitLimits.Check(message));
        var text = SlackQuery.AllText(message);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"and {400 - ReviewSummaryBlocks.MaxKpis} more KPIs in the full report"), text, StringComparison.Ordinal);
        Assert.Contains("_and 297 more in the full report_", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<@U", text, StringComparison.Ordinal);
        Assert.Contains("&lt;@U0&gt; &amp;", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ElevenKpis_TwoSectionsOfAtMostTenFields()
    {
        var kpis = Enumerable.Range(0, 11).Select(i => new KpiLine($"KPI {i}", "1", "≥ 1", "met")).ToList();

        var message = BlockKitRenderer.Render(CardSamples.Review(kpis: kpis));

        var fieldCounts = SlackQuery.Blocks(message).Where(b => b["fields"] is not null).Select(b => b["fields"]!.AsArray().Count).ToList();
        Assert.Equal([10, 1], fieldCounts);
    }
}
