using FeedbackBot.Core.Analysis.Statistics;

namespace FeedbackBot.Core.Tests.Analysis.Statistics;

public sealed class DistributionsTests
{
    [Theory]
    [InlineData(1, 12.706205)]
    [InlineData(9, 2.262157)]
    [InlineData(19, 2.093024)]
    [InlineData(29, 2.045230)]
    [InlineData(1e9, 1.959964)]
    public void T975_TableDegreesOfFreedom_MatchesTheTTable(double df, double expected)
    {
        // The t table to six decimals; with unlimited degrees of freedom t becomes the normal z.
        Assert.Equal(expected, Distributions.T975(df), 1e-6);
    }

    [Theory]
    [InlineData(3.841, 1)]
    [InlineData(5.991, 2)]
    [InlineData(7.815, 3)]
    [InlineData(11.070, 5)]
    public void ChiSquareUpperTail_CriticalValues_AreFivePercent(double chiSquare, int df)
    {
        Assert.Equal(0.05, Distributions.ChiSquareUpperTail(chiSquare, df), 1e-4);
    }

    [Theory]
    [InlineData(1.959964, 0.05)]
    [InlineData(-2.575829, 0.01)]
    [InlineData(0, 1)]
    public void TwoSidedNormal_QuantilesOfTheNormal_GiveTheirTails(double z, double expected)
    {
        Assert.Equal(expected, Distributions.TwoSidedNormal(z), 1e-6);
    }

    [Fact]
    public void TwoSidedT_CriticalValue_IsFivePercent()
    {
        Assert.Equal(0.05, Distributions.TwoSidedT(2.262157, 9), 1e-6);
    }

    [Fact]
    public void TwoSidedNormal_FarTail_KeepsPrecision()
    {
        // 2·Φ(−10) = 1.5240e−23; 1 − Φ(10) would round to 0.
        Assert.Equal(1.5240e-23, Distributions.TwoSidedNormal(10), 1e-26);
    }
}
