using FeedbackBot.Core.Analysis.Statistics;
using FsCheck;
using FsCheck.Fluent;

namespace FeedbackBot.Core.Tests.Analysis.Statistics;

public sealed class ProportionsTests
{
    private const double Tolerance = 1e-4;

    [Fact]
    public void Wilson_45Of60_MatchesTheHandFigure()
    {
        // p = 0.75, z² = 3.8415, z²/n = 0.064025, denominator 1.064025;
        // centre = (0.75 + 0.032012) / 1.064025 = 0.734957;
        // half = 1.96 · √(0.1875/60 + 3.8415/14400) / 1.064025 = 1.96 · √0.0033918 / 1.064025 = 0.107277;
        // [0.6277, 0.8422].
        var interval = Proportions.Wilson(45, 60);

        Assert.Equal(0.6277, interval.Low, Tolerance);
        Assert.Equal(0.8422, interval.High, Tolerance);
    }

    [Fact]
    public void Wilson_NoSuccesses_StartsAtZeroAndStillHasWidth()
    {
        // 0/10: centre = half = (z²/20) / (1 + z²/10) = 0.192073 / 1.384146 = 0.138766; [0, 0.2775].
        var interval = Proportions.Wilson(0, 10);

        Assert.Equal(0, interval.Low);
        Assert.Equal(0.2775, interval.High, Tolerance);
    }

    [Fact]
    public void Wilson_AllSuccesses_EndsAtOneAndMirrorsNoSuccesses()
    {
        var interval = Proportions.Wilson(10, 10);

        Assert.Equal(0.7225, interval.Low, Tolerance);
        Assert.Equal(1, interval.High);
    }

    [Theory]
    [InlineData(0, 0, 0.7935)]
    [InlineData(1, 0.2065, 1)]
    public void Wilson_OneAnswer_IsWideButInsideZeroToOne(long successes, double low, double high)
    {
        // n = 1: z²/2 / (1 + z²) = 1.920786 / 4.841459 = 0.396735 either side of the centre 0.5 ± 0.103265.
        var interval = Proportions.Wilson(successes, 1);

        Assert.Equal(low, interval.Low, Tolerance);
        Assert.Equal(high, interval.High, Tolerance);
    }

    [Fact]
    public void Wilson_HigherZ_GivesAWiderInterval()
    {
        var ninetyFive = Proportions.Wilson(45, 60);
        var ninetyNine = Proportions.Wilson(45, 60, 2.575829);

        Assert.True(ninetyNine.Low < ninetyFive.Low && ninetyNine.High > ninetyFive.High);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(-1, 10)]
    [InlineData(11, 10)]
    [InlineData(0, -5)]
    public void Wilson_InvalidCounts_Throws(long successes, long n)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportions.Wilson(successes, n));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1.96)]
    [InlineData(double.NaN)]
    public void Wilson_ZNotPositive_Throws(double z)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportions.Wilson(5, 10, z));
    }

    [Fact]
    public void Wilson_AnyCounts_StaysInUnitRangeAndContainsTheEstimate()
    {
        var counts = Gen.Choose(1, 100_000).SelectMany(n => Gen.Choose(0, n).Select(s => (S: s, N: n)));

        Prop.ForAll(counts.ToArbitrary(), c =>
        {
            var interval = Proportions.Wilson(c.S, c.N);
            return interval.Low >= 0 && interval.High <= 1 && interval.Low < interval.High &&
                interval.Contains(c.S / (double)c.N);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Compare_45Of60Against30Of60_MatchesTheHandFigure()
    {
        // p1 = 0.75, p2 = 0.5, pooled 75/120 = 0.625; SE = √(0.625 · 0.375 · 2/60) = √0.0078125 = 0.088388;
        // z = 0.25 / 0.088388 = 2√2 = 2.8284; p = 2·(1 − Φ(2.8284)) = 0.0047;
        // h = 2·asin(√0.75) − 2·asin(√0.5) = 2π/3 − π/2 = π/6 = 0.5236.
        var result = Proportions.Compare(45, 60, 30, 60);

        Assert.Equal(2.8284, result.Statistic, Tolerance);
        Assert.Equal(0.0047, result.PValue, Tolerance);
        Assert.Equal(0.5236, result.EffectSize, Tolerance);
        Assert.Null(result.DegreesOfFreedom);
    }

    [Fact]
    public void Compare_NoSuccessesNow_IsNegativeAndNotSignificant()
    {
        // 0/20 vs 3/20: pooled 0.075; SE = √(0.075 · 0.925 · 0.1) = 0.083292; z = −0.15 / 0.083292 = −1.8009;
        // p = 0.0717; h = 0 − 2·asin(√0.15) = −0.7954.
        var result = Proportions.Compare(0, 20, 3, 20);

        Assert.Equal(-1.8009, result.Statistic, Tolerance);
        Assert.Equal(0.0717, result.PValue, Tolerance);
        Assert.Equal(-0.7954, result.EffectSize, Tolerance);
    }

    [Fact]
    public void Compare_EqualSamples_HasNoDifference()
    {
        var result = Proportions.Compare(12, 40, 12, 40);

        Assert.Equal(0, result.Statistic);
        Assert.Equal(1, result.PValue);
        Assert.Equal(0, result.EffectSize);
    }

    [Theory]
    [InlineData(0, 10, 0, 25)]
    [InlineData(10, 10, 25, 25)]
    public void Compare_BothZeroOrBothFull_IsZeroWithPValueOne(long x1, long n1, long x2, long n2)
    {
        var result = Proportions.Compare(x1, n1, x2, n2);

        Assert.Equal(0, result.Statistic);
        Assert.Equal(1, result.PValue);
        Assert.Equal(0, result.EffectSize);
    }

    [Fact]
    public void Compare_AllAgainstNone_IsSignificantWithMaximalEffect()
    {
        // 10/10 vs 0/10: pooled 0.5, SE = √(0.25 · 0.2) = 0.2236; z = 4.4721; h = π.
        var result = Proportions.Compare(10, 10, 0, 10);

        Assert.Equal(4.4721, result.Statistic, Tolerance);
        Assert.True(result.PValue < 1e-4);
        Assert.Equal(Math.PI, result.EffectSize, 1e-12);
    }

    [Fact]
    public void Compare_CountsBeyondIntRange_StayExact()
    {
        // 51% of 10¹⁰ vs 50% of 10¹⁰: pooled 0.505, SE = √(0.505 · 0.495 · 2·10⁻¹⁰) = 7.0709e−6; z = 0.01 / 7.0709e−6 = 1414.2.
        var result = Proportions.Compare(5_100_000_000, 10_000_000_000, 5_000_000_000, 10_000_000_000);

        Assert.Equal(1414.2, result.Statistic, 0.1);
        Assert.Equal(0, result.PValue);
    }

    [Theory]
    [InlineData(1, 0, 1, 1)]
    [InlineData(1, 1, 2, 1)]
    [InlineData(-1, 1, 0, 1)]
    [InlineData(0, 1, 0, 0)]
    public void Compare_InvalidCounts_Throws(long x1, long n1, long x2, long n2)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportions.Compare(x1, n1, x2, n2));
    }

    [Fact]
    public void Compare_SwappingGroups_NegatesStatisticAndEffectAndKeepsP()
    {
        var sample = Gen.Choose(1, 5000).SelectMany(n => Gen.Choose(0, n).Select(x => (X: x, N: n)));
        var pairs = sample.SelectMany(a => sample.Select(b => (A: a, B: b)));

        Prop.ForAll(pairs.ToArbitrary(), p =>
        {
            var forward = Proportions.Compare(p.A.X, p.A.N, p.B.X, p.B.N);
            var backward = Proportions.Compare(p.B.X, p.B.N, p.A.X, p.A.N);
            return forward.PValue is >= 0 and <= 1 && !double.IsNaN(forward.Statistic) &&
                forward.Statistic == -backward.Statistic && forward.EffectSize == -backward.EffectSize &&
                forward.PValue == backward.PValue && Math.Sign(forward.Statistic) == Math.Sign(forward.EffectSize);
        }).QuickCheckThrowOnFailure();
    }
}
