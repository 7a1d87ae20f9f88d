using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Improvement;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Tests.Improvement;

public sealed class BeforeAfterCheckTests
{
    private static readonly Kpi Csat = new("csat", KpiMetric.Csat, null, "satisfaction", 80, KpiDirection.Higher);

    // A rating5 tally with `satisfied` answers of 4 or 5 (split between them) out of `n`, the rest 2s.
    private static AnswerTally Ratings(long satisfied, long n) => AnswerTally.Of(new Dictionary<string, long>
    {
        ["5"] = satisfied / 2,
        ["4"] = satisfied - (satisfied / 2),
        ["2"] = n - satisfied,
    });

    [Fact]
    public void Run_PooledAfterWindowBetterBeyondChance_IsImproved()
    {
        // After: two cycles, 40 of 50 and 35 of 50 satisfied, pooled 75 of 100; before 60 of 100.
        // Pooled p = 135/200 = 0.675; SE = √(0.675 × 0.325 × (1/100 + 1/100)) = 0.066238; z = 0.15 / 0.066238 = 2.2646;
        // p = 2(1 − Φ(2.2646)) = 0.0235. Cohen's h = 2 asin √0.75 − 2 asin √0.60 = 2.09440 − 1.77215 = 0.3222.
        var after = AnswerTally.Pool([Ratings(40, 50), Ratings(35, 50)]);

        var check = BeforeAfterCheck.Run(Csat, Ratings(60, 100), after, target: 80);

        Assert.Equal(ActionVerdict.Improved, check.Verdict);
        Assert.Equal((60.0, 100L), (check.Before.Value!.Value, check.Before.N));
        Assert.Equal((75.0, 100L), (check.After.Value!.Value, check.After.N));
        Assert.Equal(15, check.Change!.Value, 9);
        Assert.Equal(0.0235, check.PValue!.Value, 3);
        Assert.Equal(0.3222, check.EffectSize!.Value, 3);
        // Wilson's interval for 75 of 100 starts at 65.7, below the target of 80.
        Assert.False(check.TargetMetAfter);
    }

    [Fact]
    public void Run_SmallChangeOnFewAnswers_IsInconclusiveAndSaysHowManyMore()
    {
        // 60 of 100 before, 64 of 100 after: z = 0.04 / √(0.62 × 0.38 × 0.02) = 0.583, p = 0.56.
        // To see 60% → 70% at α 0.05 and power 0.8: n = (1.95996 √(2 × 0.65 × 0.35) + 0.84162 √(0.24 + 0.21))² / 0.1²
        // = (1.32211 + 0.56458)² / 0.01 = 355.96, so 356 per window: 256 more after the change.
        var check = BeforeAfterCheck.Run(Csat with { Target = 70 }, Ratings(60, 100), Ratings(64, 100), target: 70);

        Assert.Equal(ActionVerdict.Inconclusive, check.Verdict);
        Assert.Equal(0.560, check.PValue!.Value, 2);
        Assert.Equal(256, check.MoreResponsesNeeded);
        Assert.Contains("about 256 more after the change (and 256 more before)", check.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoChangeWithEnoughAnswersToHaveSeenThePlannedOne_IsNotImproved()
    {
        // 600 of 1,000 before, 610 of 1,000 after: p = 0.65; 356 per window were needed to see 60% → 70%, and both have 1,000.
        var check = BeforeAfterCheck.Run(Csat, Ratings(600, 1000), Ratings(610, 1000), target: 70);

        Assert.Equal(ActionVerdict.NotImproved, check.Verdict);
        Assert.Equal(0.647, check.PValue!.Value, 2);
        Assert.Equal(0, check.MoreResponsesNeeded);
    }

    [Fact]
    public void Run_WorseBeyondChance_IsNotImproved()
    {
        // 45 of 100 after against 60 of 100: z = −0.15 / √(0.525 × 0.475 × 0.02) = −2.124, p = 0.034.
        var check = BeforeAfterCheck.Run(Csat, Ratings(60, 100), Ratings(45, 100), target: 80);

        Assert.Equal(ActionVerdict.NotImproved, check.Verdict);
        Assert.Equal(0.034, check.PValue!.Value, 3);
        Assert.True(check.Change < 0);
    }

    [Fact]
    public void Run_TargetMetBeforeOrNoAnswersAfter_IsInconclusiveWithTheReason()
    {
        var alreadyMet = BeforeAfterCheck.Run(Csat, Ratings(85, 100), Ratings(86, 100), target: 80);
        var nothingAfter = BeforeAfterCheck.Run(Csat, Ratings(60, 100), new AnswerTally(), target: 80);

        Assert.Equal(ActionVerdict.Inconclusive, alreadyMet.Verdict);
        Assert.Contains("already met", alreadyMet.Explanation, StringComparison.Ordinal);
        Assert.Equal(ActionVerdict.Inconclusive, nothingAfter.Verdict);
        Assert.Equal(0, nothingAfter.After.N);
        Assert.Null(nothingAfter.PValue);
    }

    [Fact]
    public void Run_LowerIsBetterMean_GoodWayIsDown()
    {
        var effort = new Kpi("ces", KpiMetric.Ces, null, "effort", 3, KpiDirection.Lower);
        var before = AnswerTally.Of(new Dictionary<string, long> { ["5"] = 60, ["4"] = 40 });
        var after = AnswerTally.Of(new Dictionary<string, long> { ["2"] = 60, ["3"] = 40 });

        var check = BeforeAfterCheck.Run(effort, before, after, target: 3);

        Assert.Equal(ActionVerdict.Improved, check.Verdict);
        // Means 4.6 before ((60 × 5 + 40 × 4) / 100) and 2.4 after ((60 × 2 + 40 × 3) / 100).
        Assert.Equal(-2.2, check.Change!.Value, 9);
        // The whole interval after (mean 2.4, sd 0.49) lies below 3.
        Assert.True(check.TargetMetAfter);
    }

    [Fact]
    public void Pool_Tallies_AddsTheirCounts()
    {
        var pooled = AnswerTally.Pool([AnswerTally.Of(new Dictionary<string, long> { ["5"] = 2, ["4"] = 1 }), AnswerTally.Of(new Dictionary<string, long> { ["5"] = 3 })]);

        Assert.Equal((6L, 5L, 1L), (pooled.Answered, pooled.CountOf("5"), pooled.CountOf("4")));
    }
}
