using FeedbackBot.Core.Analysis.Statistics;

namespace FeedbackBot.Core.Tests.Analysis.Statistics;

public sealed class CountsTests
{
    private const double Tolerance = 1e-6;

    [Fact]
    public void CompareRates_15Against5OverEqualWeeks_MatchesTheExactBinomialTail()
    {
        // 20 complaints in all; equal rates would make the current week's binomial(20, 1/2).
        // P(X ≥ 15) = (C(20,15) + … + C(20,20)) / 2²⁰ = (15504 + 4845 + 1140 + 190 + 20 + 1) / 1048576 = 21700 / 1048576;
        // two-sided p = 2 · 0.0206947 = 0.0413895. Rate ratio 15 / 5 = 3.
        var test = Counts.CompareRates(15, 7, 5, 7)!;

        Assert.Equal(43400.0 / 1048576, test.PValue, Tolerance);
        Assert.Equal(3, test.RateRatio!.Value, Tolerance);
    }

    [Fact]
    public void CompareRates_UnequalExposures_WeighsByDays()
    {
        // 4 in 7 days against 2 in 14 days: p₀ = 7 / 21 = 1/3, n = 6.
        // P(X ≥ 4) = 15·(1/3)⁴(2/3)² + 6·(1/3)⁵(2/3) + (1/3)⁶ = (60 + 12 + 1) / 729 = 73 / 729; p = 146 / 729 = 0.200274.
        // Rate ratio (4 / 7) / (2 / 14) = 4.
        var test = Counts.CompareRates(4, 7, 2, 14)!;

        Assert.Equal(146.0 / 729, test.PValue, Tolerance);
        Assert.Equal(4, test.RateRatio!.Value, Tolerance);
    }

    [Fact]
    public void CompareRates_NoneBefore_HasNoRatioButAP()
    {
        // 3 against 0 over equal weeks: P(X ≥ 3 | n = 3, 1/2) = 1/8; p = 1/4.
        var test = Counts.CompareRates(3, 7, 0, 7)!;

        Assert.Equal(0.25, test.PValue, Tolerance);
        Assert.Null(test.RateRatio);
    }

    [Fact]
    public void CompareRates_NoEventsAtAll_IsNotTested()
    {
        Assert.Null(Counts.CompareRates(0, 7, 0, 7));
    }
}
