using FeedbackBot.Core.Analysis.Statistics;

namespace FeedbackBot.Core.Tests.Analysis.Statistics;

public sealed class MarginOfErrorTests
{
    private const double Tolerance = 1e-4;

    [Fact]
    public void FiniteCorrection_SampleOfPopulation_MatchesTheHandFigure()
    {
        // √((1000 − 100)/999) = √0.900901 = 0.9492.
        Assert.Equal(0.9492, MarginOfError.FiniteCorrection(100, 1000), Tolerance);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1L)]
    [InlineData(0L)]
    public void FiniteCorrection_UnknownOrTrivialPopulation_IsOne(long? population)
    {
        Assert.Equal(1, MarginOfError.FiniteCorrection(50, population));
    }

    [Theory]
    [InlineData(40)]
    [InlineData(41)]
    public void FiniteCorrection_WholePopulationAnswered_IsZero(long n)
    {
        Assert.Equal(0, MarginOfError.FiniteCorrection(n, 40));
    }

    [Fact]
    public void ForProportion_HalfOf100_MatchesTheHandFigure()
    {
        // 1.96 · √(0.25/100) = 1.96 · 0.05 = 0.0980; from a population of 1000: 0.0980 · 0.949158 = 0.0930.
        Assert.Equal(0.0980, MarginOfError.ForProportion(0.5, 100, null), Tolerance);
        Assert.Equal(0.0930, MarginOfError.ForProportion(0.5, 100, 1000), Tolerance);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void ForProportion_AllOrNone_IsZero(double p)
    {
        Assert.Equal(0, MarginOfError.ForProportion(p, 30, null));
    }

    [Fact]
    public void ForProportion_WholeTeamAnswered_IsZero()
    {
        Assert.Equal(0, MarginOfError.ForProportion(0.4, 12, 12));
    }

    [Theory]
    [InlineData(-0.1, 10)]
    [InlineData(1.1, 10)]
    [InlineData(double.NaN, 10)]
    [InlineData(0.5, 0)]
    public void ForProportion_InvalidArguments_Throws(double p, long n)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MarginOfError.ForProportion(p, n, null));
    }

    [Fact]
    public void ForMean_TenObservations_MatchesTheHandFigure()
    {
        // t(0.975, 9) · 10/√10 = 2.262157 · 3.162278 = 7.1536; from a population of 50: · √(40/49) = 6.4633.
        Assert.Equal(7.1536, MarginOfError.ForMean(10, 10, null), Tolerance);
        Assert.Equal(6.4633, MarginOfError.ForMean(10, 10, 50), Tolerance);
    }

    [Fact]
    public void ForMean_OneObservation_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => MarginOfError.ForMean(1, 1, null));
    }

    [Fact]
    public void ForNetPromoter_50And20Of100_IsTheIntervalHalfWidth()
    {
        // 1.96 · 7.8102 = 15.3078; from a population of 400: · √(300/399) = 0.867110 → 13.2735.
        Assert.Equal(15.3078, MarginOfError.ForNetPromoter(50, 20, 100, null), Tolerance);
        Assert.Equal(NetPromoter.Interval(50, 20, 100).HalfWidth, MarginOfError.ForNetPromoter(50, 20, 100, null), 1e-9);
        Assert.Equal(13.2735, MarginOfError.ForNetPromoter(50, 20, 100, 400), Tolerance);
    }

    [Theory]
    [InlineData(0.05, null, 385)]
    [InlineData(0.03, null, 1068)]
    [InlineData(0.10, null, 97)]
    [InlineData(0.05, 1000L, 278)]
    [InlineData(0.05, 100L, 80)]
    [InlineData(0.05, 1L, 1)]
    public void SampleSizeForProportion_TextbookCases_MatchTheHandFigures(double margin, long? population, long expected)
    {
        // n0 = 1.96² · 0.25 / m²: 384.15 at 5%, 1067.07 at 3%, 96.04 at 10%;
        // N = 1000: 384.15 / (1 + 383.15/1000) = 277.73; N = 100: 384.15 / 4.8315 = 79.51.
        Assert.Equal(expected, MarginOfError.SampleSizeForProportion(margin, population));
    }

    [Fact]
    public void SampleSizeForProportion_SmallTeam_NeverExceedsTheTeam()
    {
        Assert.Equal(8, MarginOfError.SampleSizeForProportion(0.01, 8));
        Assert.Equal(0, MarginOfError.SampleSizeForProportion(0.05, 0));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.05)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    [InlineData(1e-12)]
    public void SampleSizeForProportion_InvalidMargin_Throws(double margin)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MarginOfError.SampleSizeForProportion(margin, null));
    }

    [Fact]
    public void SampleSizeForProportion_NegativePopulation_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MarginOfError.SampleSizeForProportion(0.05, -3));
    }
}
