using FeedbackBot.Core.Analysis.Statistics;
using FsCheck;
using FsCheck.Fluent;

namespace FeedbackBot.Core.Tests.Analysis.Statistics;

public sealed class GoodnessOfFitTests
{
    private const double Tolerance = 1e-4;

    [Fact]
    public void ChiSquare_60And40AgainstEvenShares_MatchesTheHandFigure()
    {
        // E = 50, 50: 10²/50 + 10²/50 = 4; df 1; p = 0.0455 (just past the 3.841 critical value of 0.05).
        var result = GoodnessOfFit.ChiSquare([60, 40], [0.5, 0.5])!;

        Assert.Equal(4, result.ChiSquare, 1e-12);
        Assert.Equal(1, result.DegreesOfFreedom);
        Assert.Equal(0.0455, result.PValue, Tolerance);
        Assert.False(result.Approximate);
    }

    [Fact]
    public void ChiSquare_SharesAsWeights_AreNormalised()
    {
        var fractions = GoodnessOfFit.ChiSquare([60, 40], [0.5, 0.5]);
        var weights = GoodnessOfFit.ChiSquare([60, 40], [7, 7]);

        Assert.Equal(fractions, weights);
    }

    [Fact]
    public void ChiSquare_ThreeCategories_MatchesTheHandFigure()
    {
        // E = 100/3 each: (3.333² + 16.667² + 13.333²) / 33.333 = 466.667 / 33.333 = 14; df 2;
        // with two degrees of freedom p = e^(−χ²/2) = e^−7 = 0.000912.
        var result = GoodnessOfFit.ChiSquare([30, 50, 20], [1, 1, 1])!;

        Assert.Equal(14, result.ChiSquare, 1e-9);
        Assert.Equal(2, result.DegreesOfFreedom);
        Assert.Equal(0.000912, result.PValue, 1e-6);
    }

    [Fact]
    public void ChiSquare_UnequalShares_MatchesTheHandFigure()
    {
        // Population 20% / 30% / 50% and 100 answers: E = 20, 30, 50 against O = 25, 30, 45:
        // 25/20 + 0 + 25/50 = 1.75; df 2; p = e^−0.875 = 0.4169.
        var result = GoodnessOfFit.ChiSquare([25, 30, 45], [0.2, 0.3, 0.5])!;

        Assert.Equal(1.75, result.ChiSquare, 1e-9);
        Assert.Equal(0.4169, result.PValue, Tolerance);
    }

    [Fact]
    public void ChiSquare_PerfectFit_HasPValueOne()
    {
        var result = GoodnessOfFit.ChiSquare([20, 30, 50], [2, 3, 5])!;

        Assert.Equal(0, result.ChiSquare, 1e-12);
        Assert.Equal(1, result.PValue, 1e-12);
    }

    [Fact]
    public void ChiSquare_SmallExpectedCount_IsFlaggedApproximate()
    {
        // E = 2, 2: below the rule-of-thumb 5.
        var result = GoodnessOfFit.ChiSquare([3, 1], [1, 1])!;

        Assert.True(result.Approximate);
        Assert.Equal(1, result.ChiSquare, 1e-12);
    }

    [Fact]
    public void ChiSquare_ShareZeroAndNotObserved_IsLeftOut()
    {
        // The middle category drops out: E = 10, 20 against O = 10, 20, df 1.
        var result = GoodnessOfFit.ChiSquare([10, 0, 20], [1, 0, 2])!;

        Assert.Equal(1, result.DegreesOfFreedom);
        Assert.Equal(0, result.ChiSquare, 1e-12);
    }

    [Fact]
    public void ChiSquare_ShareZeroButObserved_Throws()
    {
        Assert.Throws<ArgumentException>(() => GoodnessOfFit.ChiSquare([10, 1, 20], [1, 0, 2]));
    }

    [Fact]
    public void ChiSquare_FewerThanTwoCategories_IsNull()
    {
        Assert.Null(GoodnessOfFit.ChiSquare([10], [1]));
        Assert.Null(GoodnessOfFit.ChiSquare([10, 0], [1, 0]));
        Assert.Null(GoodnessOfFit.ChiSquare([], []));
    }

    [Fact]
    public void ChiSquare_NothingObserved_IsNull()
    {
        Assert.Null(GoodnessOfFit.ChiSquare([0, 0, 0], [1, 2, 3]));
    }

    [Fact]
    public void ChiSquare_ListsOfDifferentLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => GoodnessOfFit.ChiSquare([1, 2], [1, 2, 3]));
    }

    [Fact]
    public void ChiSquare_NegativeCountOrShare_ThrowsOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GoodnessOfFit.ChiSquare([1, -2], [1, 1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => GoodnessOfFit.ChiSquare([1, 2], [1, -1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => GoodnessOfFit.ChiSquare([1, 2], [1, double.NaN]));
    }

    [Fact]
    public void ChiSquare_AnyCounts_HasPValueInUnitRange()
    {
        var cases = Gen.Choose(2, 8).SelectMany(k =>
            Gen.Choose(0, 1000).ArrayOf(k).SelectMany(observed =>
                Gen.Choose(1, 100).ArrayOf(k).Select(shares => (Observed: observed, Shares: shares))));

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var result = GoodnessOfFit.ChiSquare(c.Observed.Select(o => (long)o).ToArray(), c.Shares.Select(s => (double)s).ToArray());
            return c.Observed.Sum() == 0
                ? result is null
                : result is { PValue: >= 0 and <= 1, ChiSquare: >= 0 } && result.DegreesOfFreedom == c.Observed.Length - 1;
        }).QuickCheckThrowOnFailure();
    }
}
