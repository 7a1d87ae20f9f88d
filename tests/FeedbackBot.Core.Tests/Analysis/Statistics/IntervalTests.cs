using FeedbackBot.Core.Analysis.Statistics;

namespace FeedbackBot.Core.Tests.Analysis.Statistics;

public sealed class IntervalTests
{
    [Fact]
    public void HalfWidth_OfAnInterval_IsHalfItsWidth()
    {
        // (0.9 − 0.5) / 2 = 0.2
        Assert.Equal(0.2, new Interval(0.5, 0.9).HalfWidth, 1e-12);
    }

    [Theory]
    [InlineData(0.5, true)]
    [InlineData(0.9, true)]
    [InlineData(0.7, true)]
    [InlineData(0.4999, false)]
    [InlineData(0.9001, false)]
    public void Contains_BoundsIncluded_AnswersWhetherInside(double x, bool expected)
    {
        Assert.Equal(expected, new Interval(0.5, 0.9).Contains(x));
    }

    [Fact]
    public void Contains_ZeroWidthInterval_HoldsOnlyItsPoint()
    {
        var point = new Interval(3, 3);

        Assert.True(point.Contains(3));
        Assert.False(point.Contains(3.000001));
        Assert.Equal(0, point.HalfWidth);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(double.NaN, 1)]
    [InlineData(0, double.NaN)]
    public void Constructor_LowAboveHighOrNaN_Throws(double low, double high)
    {
        Assert.Throws<ArgumentException>(() => new Interval(low, high));
    }
}
