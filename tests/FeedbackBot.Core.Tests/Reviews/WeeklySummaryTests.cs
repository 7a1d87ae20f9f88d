using FeedbackBot.Core.Reviews;
using FeedbackBot.Core.Reviews.Building;

namespace FeedbackBot.Core.Tests.Reviews;

public sealed class WeeklySummaryTests
{
    private static readonly DateOnly Today = new(2026, 10, 19);

    [Fact]
    public void Between_CsatFellBelowTarget_ListsTheMoveTheNewShortfallAndOpenRecommendations()
    {
        var good = Build(("5", 40));
        var bad = Build(("5", 20), ("2", 20));

        var summary = WeeklySummary.Between(bad, good, Today);

        var csat = Assert.Single(summary.Moved, m => m.Name == "CSAT");
        Assert.Equal("100.0%", csat.Before);
        Assert.Equal("50.0%", csat.After);
        Assert.Equal("met", csat.StatusBefore);
        Assert.Equal("missed", csat.StatusAfter);
        Assert.NotEmpty(summary.NewShortfalls);
        Assert.All(summary.OpenRecommendations, r => Assert.True(r.ReviewBy >= Today));
        Assert.NotEmpty(summary.OpenRecommendations);
        var text = summary.ToMarkdown();
        Assert.Contains("- CSAT: 100.0% → 50.0% (met → missed)", text, StringComparison.Ordinal);
        Assert.Contains("New shortfalls:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Between_SameReviewTwice_SaysNothingMovedAndNoNewShortfalls()
    {
        var review = Build(("5", 20), ("2", 20));

        var summary = WeeklySummary.Between(review, review, Today);

        Assert.Empty(summary.Moved);
        Assert.Empty(summary.NewShortfalls);
        Assert.StartsWith("**Weekly summary: Customer experience**\nNo KPI moved since last week.", summary.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void Between_NoReviewAWeekAgo_ListsEveryKpiAsTheFirstReview()
    {
        var review = Build(("5", 20), ("2", 20));

        var summary = WeeklySummary.Between(review, null, Today);

        Assert.False(summary.Compared);
        Assert.Equal(review.Metrics.Count, summary.Moved.Count);
        Assert.All(summary.Moved, m => Assert.Null(m.Before));
        Assert.Contains("the first review", summary.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void Between_RecommendationPastItsReviewDate_IsNotOpen()
    {
        var review = Build(("5", 20), ("2", 20));

        var summary = WeeklySummary.Between(review, null, new DateOnly(2030, 1, 1));

        Assert.Empty(summary.OpenRecommendations);
        Assert.Contains("No recommendation is open.", summary.ToMarkdown(), StringComparison.Ordinal);
    }

    private static Review Build(params (string Value, int Count)[] satisfaction)
    {
        var plan = ReviewFixtures.Plan();
        var responses = ReviewFixtures.Responses(
            ReviewFixtures.Current,
            "r",
            ["north", "south"],
            ("sat", ReviewFixtures.Repeat(satisfaction)),
            ("fcr", ReviewFixtures.Repeat(("no", 40))));
        return ReviewBuilder.Build(ReviewFixtures.Input(plan, ReviewFixtures.Tally(plan, ReviewFixtures.Current, responses)));
    }
}
