using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.People;
using FeedbackBot.Core.Reviews.Building;
using FeedbackBot.Core.Tests.Reviews;

namespace FeedbackBot.Core.Tests.Conversations;

public sealed class ReviewSummaryTests
{
    [Fact]
    public void From_Review_ListsKpisWithStatusAndTopFindings()
    {
        var plan = ReviewFixtures.Plan();
        var responses = ReviewFixtures.Responses(
            ReviewFixtures.Current,
            "r",
            ["north", "south"],
            ("sat", ReviewFixtures.Repeat(("5", 20), ("2", 20))),
            ("fcr", ReviewFixtures.Repeat(("no", 40))));
        var review = ReviewBuilder.Build(ReviewFixtures.Input(plan, ReviewFixtures.Tally(plan, ReviewFixtures.Current, responses)));
        var link = new Uri("https://bot.example/reviews/1?token=t");

        var summary = ReviewSummary.From(review, link);

        Assert.Equal("Customer experience", summary.PlanName);
        Assert.Equal("12 Oct – 18 Oct 2026", summary.Cycle);
        Assert.Equal(new KpiLine("CSAT", "50.0%", "≥ 80.0%", "missed"), summary.Kpis[0]);
        var nps = Assert.Single(summary.Kpis, k => k.Name == "NPS");
        Assert.Equal(("not enough data", "not_enough_data"), (nps.Value, nps.Status));
        Assert.StartsWith("Not enough data to compare with the target", nps.Why, StringComparison.Ordinal);
        Assert.Null(summary.Kpis[0].Why);
        Assert.Equal("40 usable of 40 received", summary.Validation);
        Assert.InRange(summary.Recommendations.Count, 1, ReviewSummary.TopCount);
        Assert.Equal(link, summary.ReportUrl);
    }

    [Fact]
    public void From_FewerAnswersThanTheMinimumGroupSize_SaysWhyEachFigureIsWithheld()
    {
        var plan = ReviewFixtures.Plan();
        var responses = ReviewFixtures.Responses(ReviewFixtures.Current, "r", ["north"], ("sat", ReviewFixtures.Repeat(("5", 2))));
        var review = ReviewBuilder.Build(ReviewFixtures.Input(plan, ReviewFixtures.Tally(plan, ReviewFixtures.Current, responses)));

        var summary = ReviewSummary.From(review, new Uri("https://bot.example/reviews/1?token=t"));

        var csat = summary.Kpis[0];
        Assert.Equal(("CSAT", "not enough data"), (csat.Name, csat.Value));
        Assert.Equal(
            $"Not enough data to compare with the target of 80.0%: fewer than {plan.MinimumGroupSize} answers, the smallest group the plan reports on, so that no one's answers can be singled out.",
            csat.Why);
        Assert.Equal("2 usable of 2 received", summary.Validation);
    }

    [Theory]
    [InlineData(PersonRole.Staff, 5)]
    [InlineData(PersonRole.Manager, 14)]
    [InlineData(PersonRole.Admin, 15)]
    public void HelpFor_Role_ShowsOnlyItsCommands(PersonRole role, int count)
    {
        var help = HelpCatalog.For(role);

        Assert.Equal(count, help.Commands.Count);
        Assert.Equal(role != PersonRole.Staff, help.Commands.Any(c => c.Usage.StartsWith("start pulse", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(PersonRole.Staff)]
    [InlineData(PersonRole.Admin)]
    public void HelpFor_CommandsWithArguments_WriteThemInCapitalsWithAnExampleThatParses(PersonRole role)
    {
        var help = HelpCatalog.For(role, "customer-experience");

        Assert.Contains(help.Commands, c => c.Usage == "my pulses");
        foreach (var command in help.Commands.Where(c => c.Usage.Contains(' ', StringComparison.Ordinal) && c.Usage is not ("my pulses" or "my evaluations")))
        {
            Assert.DoesNotContain('<', command.Usage);
            Assert.NotNull(command.Example);
            Assert.IsNotType<BotCommand.Unknown>(CommandParser.Parse(command.Example));
        }

        Assert.All(help.Commands.Where(c => c.Usage.Contains("PLAN", StringComparison.Ordinal)), c => Assert.Contains("customer-experience", c.Example, StringComparison.Ordinal));
    }
}
