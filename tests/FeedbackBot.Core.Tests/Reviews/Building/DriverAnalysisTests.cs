using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Reviews;
using FeedbackBot.Core.Reviews.Building;
using static FeedbackBot.Core.Tests.Reviews.ReviewFixtures;

namespace FeedbackBot.Core.Tests.Reviews.Building;

public sealed class DriverAnalysisTests
{
    // Ten customers. The outcome is csat's question, sat. speed rises and falls with sat but nobody gives it 4 or 5;
    // ease (effort, 1 = very easy) falls as sat rises, so turned round it goes with sat too, and 4 of 10 find it easy;
    // rec alternates 9 and 10 whatever sat is, so everyone is a promoter and it barely goes with sat.
    private static readonly string[] Sat = ["5", "5", "5", "5", "4", "4", "3", "2", "2", "1"];
    private static readonly string[] Speed = ["3", "3", "3", "3", "3", "2", "2", "1", "1", "1"];
    private static readonly string[] Ease = ["1", "1", "2", "2", "3", "3", "4", "4", "5", "5"];
    private static readonly string[] Rec = ["9", "10", "9", "10", "9", "10", "9", "10", "9", "10"];

    private static Review Review(MeasurementPlan plan) => ReviewBuilder.Build(Input(plan, Tally(plan, Current,
        Responses(Current, "c", ["north"], ("sat", Sat), ("speed", Speed), ("ease", Ease), ("rec", Rec)))));

    [Fact]
    public void Build_OutcomeAnswered_ListsEachOtherScaleQuestionHighestRhoFirst()
    {
        var drivers = Review(Plan()).Drivers!;

        Assert.Equal("csat", drivers.Outcome);
        Assert.Equal("sat", drivers.Question);
        Assert.Equal(["ease", "speed", "rec"], drivers.Items.Select(i => i.Question));
        Assert.All(drivers.Items, i => Assert.Equal(10, i.N));
        Assert.True(drivers.Items[0].Rho > 0.9, "effort turned round goes with satisfaction");
    }

    [Fact]
    public void Build_ThreeDrivers_SplitsAtTheMediansIntoQuadrants()
    {
        // Performance: speed 0% (no 4 or 5), ease 40% (four 1s and 2s), rec 100% (all promoters); median 40.
        // Importance: ease and speed both near 1 (ease a little nearer), rec near 0; the median is speed's rho. At or above
        // a split is high, so speed is important but scores below the middle: act first.
        var drivers = Review(Plan()).Drivers!;

        Assert.Equal(40, drivers.PerformanceSplit);
        Assert.Equal(drivers.Items[1].Rho, drivers.ImportanceSplit);
        Assert.Equal([40, 0, 100], drivers.Items.Select(i => i.Performance));
        Assert.Equal(
            [DriverQuadrants.KeepUp, DriverQuadrants.ActFirst, DriverQuadrants.PossibleOverkill],
            drivers.Items.Select(i => i.Quadrant));
    }

    [Theory]
    [InlineData(0.6, 30, DriverQuadrants.ActFirst)]
    [InlineData(0.6, 80, DriverQuadrants.KeepUp)]
    [InlineData(0.1, 30, DriverQuadrants.LowPriority)]
    [InlineData(0.1, 80, DriverQuadrants.PossibleOverkill)]
    [InlineData(0.4, 50, DriverQuadrants.KeepUp)]
    public void Of_ImportanceAndPerformance_GivesTheQuadrantSplitAtOrAbove(double rho, double performance, string expected)
    {
        Assert.Equal(expected, DriverQuadrants.Of(rho, performance, importanceSplit: 0.4, performanceSplit: 50));
    }

    [Fact]
    public void Build_FewerPairsThanTheMinimumGroupSize_HasNoDrivers()
    {
        // Ten answered both; a minimum group of eleven withholds every item, so there are no drivers at all.
        Assert.Null(Review(Plan(minimumGroupSize: 11)).Drivers);
    }

    [Fact]
    public void Build_PlanWithoutACsatOrNpsKpi_HasNoDrivers()
    {
        var plan = Plan() with { Kpis = [.. Plan().Kpis.Where(k => k.Metric is not (KpiMetric.Csat or KpiMetric.Nps))] };

        Assert.Null(Review(plan).Drivers);
    }

    [Fact]
    public void Build_ActFirstFeatureWithAdvice_RaisesItsScoreByOnePlusRho()
    {
        // Without an outcome there are no drivers, so the same advice keeps its own score.
        var plain = Review(Plan() with { Outcome = "fcr" }).Recommendations.Single(r => r.Feature == "responsiveness");
        var review = Review(Plan());
        var speed = review.Drivers!.Items.Single(i => i.Question == "speed");
        var raised = review.Recommendations.Single(r => r.Feature == "responsiveness");

        Assert.Equal(new RecommendationDriver("speed", speed.Rho, Math.Round(1 + speed.Rho, 3)), raised.Driver);
        Assert.Equal(Math.Round(plain.Score * (1 + speed.Rho), 1), raised.Score, 1e-9);
        Assert.Equal(plain.Key, raised.Key);
        Assert.Null(plain.Driver);
    }

    [Fact]
    public void Build_ActFirstFeatureWithoutAdvice_GetsTheDriverRecommendation()
    {
        // Without the speed KPI nothing advises on responsiveness, so its act-first question gets advice of its own:
        // scored (40 − 0) × (1 + rho), the distance below the performance split weighted by importance.
        var plan = Plan() with { Kpis = [.. Plan().Kpis.Where(k => k.Id != "speed")] };
        var review = Review(plan);
        var speed = review.Drivers!.Items.Single(i => i.Question == "speed");
        var advice = review.Recommendations.Single(r => r.Feature == "responsiveness");

        Assert.Equal(DriverQuadrants.ActFirst, speed.Quadrant);
        Assert.Equal("driver|responsiveness||driver:speed", advice.Key);
        Assert.Equal(Math.Round(40 * Math.Round(1 + speed.Rho, 3), 1), advice.Score, 1e-9);
        Assert.Equal("high", advice.Priority);
        Assert.Equal("driver:speed", advice.Evidence.Metric);
        Assert.StartsWith("Act first on responsiveness", advice.Title, StringComparison.Ordinal);
    }
}
