using FeedbackBot.Core.Analysis.Statistics;
using FsCheck;
using FsCheck.Fluent;
using Interval = FeedbackBot.Core.Analysis.Statistics.Interval;

namespace FeedbackBot.Core.Tests.Analysis.Statistics;

public sealed class NetPromoterTests
{
    private const double Tolerance = 1e-4;

    private static readonly Gen<(int Promoters, int Detractors, int N)> Samples =
        Gen.Choose(1, 5000).SelectMany(n => Gen.Choose(0, n).SelectMany(p => Gen.Choose(0, n - p).Select(d => (p, d, n))));

    [Theory]
    [InlineData(50, 20, 100, 30)]
    [InlineData(0, 7, 7, -100)]
    [InlineData(7, 0, 7, 100)]
    [InlineData(0, 0, 3, 0)]
    [InlineData(1, 2, 3, -33.3333)]
    public void Score_Counts_IsPromoterShareLessDetractorShareInPoints(long promoters, long detractors, long n, double expected)
    {
        Assert.Equal(expected, NetPromoter.Score(promoters, detractors, n), Tolerance);
    }

    [Fact]
    public void StandardError_50PromotersAnd20DetractorsOf100_MatchesTheHandFigure()
    {
        // p₊ = 0.5, p₋ = 0.2: 0.7 − 0.3² = 0.61; √(0.61/100) · 100 = 7.8102.
        Assert.Equal(7.8102, NetPromoter.StandardError(50, 20, 100), Tolerance);
    }

    [Fact]
    public void Interval_50PromotersAnd20DetractorsOf100_MatchesTheHandFigure()
    {
        // 30 ± 1.96 · 7.8102 = 30 ± 15.3078: [14.6922, 45.3078].
        var interval = NetPromoter.Interval(50, 20, 100);

        Assert.Equal(14.6922, interval.Low, Tolerance);
        Assert.Equal(45.3078, interval.High, Tolerance);
    }

    [Fact]
    public void Interval_NearTheTop_IsClampedToOneHundred()
    {
        // 9 promoters of 10: NPS 90, 0.9 − 0.81 = 0.09, SE = √0.009 · 100 = 9.4868; 90 ± 18.5938 → [71.4061, 100].
        var interval = NetPromoter.Interval(9, 0, 10);

        Assert.Equal(71.4061, interval.Low, Tolerance);
        Assert.Equal(100, interval.High);
    }

    [Theory]
    [InlineData(1, 0, 1, 100)]
    [InlineData(0, 1, 1, -100)]
    [InlineData(0, 0, 1, 0)]
    public void Interval_OneAnswer_IsThePointWithNoSpread(long promoters, long detractors, long n, double score)
    {
        var interval = NetPromoter.Interval(promoters, detractors, n);

        Assert.Equal(0, NetPromoter.StandardError(promoters, detractors, n));
        Assert.Equal(new Interval(score, score), interval);
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(-1, 0, 5)]
    [InlineData(0, -1, 5)]
    [InlineData(6, 0, 5)]
    [InlineData(3, 3, 5)]
    public void Score_InvalidCounts_Throws(long promoters, long detractors, long n)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NetPromoter.Score(promoters, detractors, n));
        Assert.Throws<ArgumentOutOfRangeException>(() => NetPromoter.Interval(promoters, detractors, n));
        Assert.Throws<ArgumentOutOfRangeException>(() => NetPromoter.StandardError(promoters, detractors, n));
    }

    [Fact]
    public void Compare_30Against10_MatchesTheHandFigure()
    {
        // Now 50/20 of 100 (NPS 30, SE² = 61); before 40/30 of 100 (NPS 10, 0.7 − 0.01 = 0.69, SE² = 69);
        // z = 20 / √130 = 1.7541; p = 2·(1 − Φ(1.7541)) = 0.0794.
        var result = NetPromoter.Compare(50, 20, 100, 40, 30, 100);

        Assert.Equal(1.7541, result.Statistic, Tolerance);
        Assert.Equal(0.0794, result.PValue, Tolerance);
        Assert.Equal(20, result.EffectSize, 1e-9);
        Assert.Null(result.DegreesOfFreedom);
    }

    [Fact]
    public void Compare_EqualSamples_HasNoDifference()
    {
        var result = NetPromoter.Compare(50, 20, 100, 50, 20, 100);

        Assert.Equal(0, result.Statistic);
        Assert.Equal(1, result.PValue);
        Assert.Equal(0, result.EffectSize);
    }

    [Fact]
    public void Compare_NoSpreadAndSameScore_HasPValueOne()
    {
        var result = NetPromoter.Compare(10, 0, 10, 5, 0, 5);

        Assert.Equal(0, result.Statistic);
        Assert.Equal(1, result.PValue);
        Assert.Equal(0, result.EffectSize);
    }

    [Fact]
    public void Compare_NoSpreadAndDifferentScores_HasPValueZero()
    {
        var result = NetPromoter.Compare(10, 0, 10, 0, 5, 5);

        Assert.Equal(0, result.Statistic);
        Assert.Equal(0, result.PValue);
        Assert.Equal(200, result.EffectSize);
    }

    [Fact]
    public void Score_AnyCounts_IsWithinHundredAndInsideItsInterval()
    {
        Prop.ForAll(Samples.ToArbitrary(), s =>
        {
            var score = NetPromoter.Score(s.Promoters, s.Detractors, s.N);
            var interval = NetPromoter.Interval(s.Promoters, s.Detractors, s.N);
            return score is >= -100 and <= 100 && interval.Low >= -100 && interval.High <= 100 && interval.Contains(score);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Compare_SwappingGroups_NegatesStatisticAndEffectAndKeepsP()
    {
        var pairs = Samples.SelectMany(a => Samples.Select(b => (A: a, B: b)));

        Prop.ForAll(pairs.ToArbitrary(), p =>
        {
            var forward = NetPromoter.Compare(p.A.Promoters, p.A.Detractors, p.A.N, p.B.Promoters, p.B.Detractors, p.B.N);
            var backward = NetPromoter.Compare(p.B.Promoters, p.B.Detractors, p.B.N, p.A.Promoters, p.A.Detractors, p.A.N);
            return forward.PValue is >= 0 and <= 1 && !double.IsNaN(forward.Statistic) &&
                forward.Statistic == -backward.Statistic && forward.EffectSize == -backward.EffectSize &&
                forward.PValue == backward.PValue;
        }).QuickCheckThrowOnFailure();
    }
}
