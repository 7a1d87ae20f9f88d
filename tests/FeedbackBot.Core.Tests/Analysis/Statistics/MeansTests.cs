using FeedbackBot.Core.Analysis.Statistics;
using FsCheck;
using FsCheck.Fluent;
using Interval = FeedbackBot.Core.Analysis.Statistics.Interval;

namespace FeedbackBot.Core.Tests.Analysis.Statistics;

public sealed class MeansTests
{
    private const double Tolerance = 1e-4;

    private static readonly Gen<(int N, double Mean, double Sd)> Samples =
        from n in Gen.Choose(2, 2000)
        from mean in Gen.Choose(-5000, 5000)
        from sd in Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, 3000)))
        select (n, mean / 100.0, sd / 100.0);

    [Fact]
    public void TInterval_TenObservations_UsesTheTableValueOfT()
    {
        // t(0.975, 9) = 2.2622 from the table; 2.2622 · 10/√10 = 7.1536; 50 ± 7.1536.
        var interval = Means.TInterval(10, 50, 10);

        Assert.Equal(42.8464, interval.Low, Tolerance);
        Assert.Equal(57.1536, interval.High, Tolerance);
    }

    [Fact]
    public void TInterval_TwoObservations_IsVeryWide()
    {
        // t(0.975, 1) = 12.7062; 12.7062 · 1/√2 = 8.9847.
        var interval = Means.TInterval(2, 3, 1);

        Assert.Equal(8.9847, interval.HalfWidth, Tolerance);
    }

    [Fact]
    public void TInterval_NoSpread_IsZeroWidthAtTheMean()
    {
        Assert.Equal(new Interval(4.2, 4.2), Means.TInterval(30, 4.2, 0));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void TInterval_FewerThanTwo_ThrowsArgumentException(long n)
    {
        Assert.Throws<ArgumentException>(() => Means.TInterval(n, 3, 1));
    }

    [Theory]
    [InlineData(-1, 3, 1)]
    [InlineData(5, double.NaN, 1)]
    [InlineData(5, 3, -1)]
    [InlineData(5, 3, double.PositiveInfinity)]
    public void TInterval_InvalidArguments_ThrowsOutOfRange(long n, double mean, double sd)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Means.TInterval(n, mean, sd));
    }

    [Fact]
    public void Welch_EqualSizes_MatchesTheHandFigure()
    {
        // 10 at 20 ± 4 vs 10 at 16 ± 3: s²/n = 1.6 and 0.9; t = 4/√2.5 = 2.5298;
        // df = 2.5² / ((1.6² + 0.9²)/9) = 6.25 / 0.374444 = 16.6914; p = 0.0218;
        // pooled SD = √((9·16 + 9·9)/18) = √12.5 = 3.5355; d = 4/3.5355 = 1.1314.
        var result = Means.Welch(10, 20, 4, 10, 16, 3);

        Assert.Equal(2.5298, result.Statistic, Tolerance);
        Assert.Equal(16.6914, result.DegreesOfFreedom!.Value, Tolerance);
        Assert.Equal(0.0218, result.PValue, Tolerance);
        Assert.Equal(1.1314, result.EffectSize, Tolerance);
    }

    [Fact]
    public void Welch_UnequalSizesAndSpreads_MatchesTheHandFigure()
    {
        // 15 at 3.2 ± 1.0 vs 40 at 3.6 ± 0.5: s²/n = 0.066667 and 0.00625, sum 0.072917; t = −0.4/0.270031 = −1.4813;
        // df = 0.0053168 / (0.0044444/14 + 0.0000391/39) = 16.6954; p = 0.1572;
        // pooled SD = √((14·1 + 39·0.25)/53) = √0.448113 = 0.669412; d = −0.5975.
        var result = Means.Welch(15, 3.2, 1.0, 40, 3.6, 0.5);

        Assert.Equal(-1.4813, result.Statistic, Tolerance);
        Assert.Equal(16.6954, result.DegreesOfFreedom!.Value, Tolerance);
        Assert.Equal(0.1572, result.PValue, Tolerance);
        Assert.Equal(-0.5975, result.EffectSize, Tolerance);
    }

    [Fact]
    public void Welch_EqualSamples_HasNoDifference()
    {
        // s²/n equal, so df = (2v)² / (2v²/(n − 1)) = 2(n − 1) = 58.
        var result = Means.Welch(30, 4.1, 0.8, 30, 4.1, 0.8);

        Assert.Equal(0, result.Statistic);
        Assert.Equal(1, result.PValue);
        Assert.Equal(0, result.EffectSize);
        Assert.Equal(58, result.DegreesOfFreedom!.Value, 1e-9);
    }

    [Fact]
    public void Welch_OneSampleWithoutSpread_UsesTheOtherSamplesDegreesOfFreedom()
    {
        // Only the second sample varies: df = n2 − 1 = 19; t = (5 − 4) / (2/√20) = 2.2361; p = 0.0375.
        var result = Means.Welch(10, 5, 0, 20, 4, 2);

        Assert.Equal(19, result.DegreesOfFreedom!.Value, 1e-9);
        Assert.Equal(2.2361, result.Statistic, Tolerance);
        Assert.Equal(0.0375, result.PValue, Tolerance);
    }

    [Fact]
    public void Welch_HugeSamples_ApproachesTheNormalTest()
    {
        // A billion answers each: t = 0.0001 / √(2·10⁻⁹) = 2.2361 and, with df near 2·10⁹, p = 2·Φ(−2.2361) = 0.0253.
        var result = Means.Welch(1_000_000_000, 5.0001, 1, 1_000_000_000, 5, 1);

        Assert.Equal(2.2361, result.Statistic, Tolerance);
        Assert.Equal(0.0253, result.PValue, Tolerance);
    }

    [Theory]
    [InlineData(4, 4, 1)]
    [InlineData(5, 4, 0)]
    public void Welch_NoSpreadInEither_IsDecidedByTheMeans(double mean1, double mean2, double pValue)
    {
        var result = Means.Welch(10, mean1, 0, 12, mean2, 0);

        Assert.Equal(0, result.Statistic);
        Assert.Equal(pValue, result.PValue);
        Assert.Equal(0, result.EffectSize);
        Assert.Equal(20, result.DegreesOfFreedom);
    }

    [Fact]
    public void Welch_FewerThanTwoObservations_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Means.Welch(1, 3, 0, 10, 3, 1));
        Assert.Throws<ArgumentException>(() => Means.Welch(10, 3, 1, 1, 3, 0));
    }

    [Fact]
    public void Welch_InvalidArguments_ThrowsOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Means.Welch(10, 3, -1, 10, 3, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Means.Welch(10, 3, 1, 10, double.NaN, 1));
    }

    [Fact]
    public void Welch_SwappingGroups_NegatesStatisticAndEffectAndKeepsP()
    {
        var pairs = Samples.SelectMany(a => Samples.Select(b => (A: a, B: b)));

        Prop.ForAll(pairs.ToArbitrary(), p =>
        {
            var forward = Means.Welch(p.A.N, p.A.Mean, p.A.Sd, p.B.N, p.B.Mean, p.B.Sd);
            var backward = Means.Welch(p.B.N, p.B.Mean, p.B.Sd, p.A.N, p.A.Mean, p.A.Sd);
            return forward.PValue is >= 0 and <= 1 && !double.IsNaN(forward.Statistic) && forward.DegreesOfFreedom > 0 &&
                forward.Statistic == -backward.Statistic && forward.EffectSize == -backward.EffectSize &&
                forward.PValue == backward.PValue && forward.DegreesOfFreedom == backward.DegreesOfFreedom;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void TInterval_AnySample_ContainsTheMeanSymmetrically()
    {
        Prop.ForAll(Samples.ToArbitrary(), s =>
        {
            var interval = Means.TInterval(s.N, s.Mean, s.Sd);
            return interval.Contains(s.Mean) && Math.Abs(interval.Low + interval.High - (2 * s.Mean)) < 1e-9;
        }).QuickCheckThrowOnFailure();
    }
}
