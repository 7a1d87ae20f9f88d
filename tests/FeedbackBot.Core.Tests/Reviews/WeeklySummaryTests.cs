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
        Assert.StartsWith("**Weekly summary: Customer experience**\nFalls short most: ", summary.ToMarkdown(), StringComparison.Ordinal);
        Assert.Contains("\nNo KPI moved since last week.", summary.ToMarkdown(), StringComparison.Ordinal);
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

    [Fact]
    public void ToMarkdown_StrengthAndShortfall_StrengthFirstThenTheLargestShortfall()
    {
        var review = Build(("5", 20), ("2", 20));
        var withStrength = review with { Strengths = [new Finding("met_with_margin", "FCR is well above target", "resolution", review.Shortfalls[0].Evidence)] };

        var text = WeeklySummary.Between(withStrength, null, Today).ToMarkdown();

        var lines = text.Split('\n');
        Assert.Equal("Going well: FCR is well above target", lines[1]);
        Assert.Equal("Falls short most: " + review.Shortfalls[0].Title, lines[2]);
    }

    [Fact]
    public void ToMarkdown_RecommendationBeingActedOn_SaysWhichActionAndItsStatus()
    {
        var review = Build(("5", 20), ("2", 20));
        var adopted = review with { Recommendations = [review.Recommendations[0] with { ActedOn = new ActedOn(3, "in_progress") }] };

        var text = WeeklySummary.Between(adopted, null, Today).ToMarkdown();

        Assert.Contains("; being acted on: action 3, in progress", text, StringComparison.Ordinal);
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
