using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Sampling;

namespace FeedbackBot.Core.Tests.Sampling;

public sealed class SampleSizeTests
{
    [Theory]
    // n0 = 1.96²·0.25/0.05² = 384.146; 384.146/(1 + 383.146/1000) = 277.73 → 278.
    [InlineData(1000, 278)]
    // 384.146/(1 + 383.146/200) = 131.75 → 132.
    [InlineData(200, 132)]
    // 384.146/(1 + 383.146/100) = 79.51 → 80.
    [InlineData(100, 80)]
    // 384.146/(1 + 383.146/10⁶) = 383.9988 → 384.
    [InlineData(1_000_000, 384)]
    // Two billion is as good as infinite: n0 itself, rounded up.
    [InlineData(2_000_000_000, 385)]
    public void For_FivePointMargin_MatchesTheHandFigure(int eligible, int expected)
    {
        var size = SampleSize.For(Margin(5), eligible);

        Assert.Equal(expected, size.Count);
        Assert.Equal(SampleSizeBasis.Margin, size.Basis);
        Assert.Equal(5, size.TargetMargin);
    }

    [Fact]
    public void For_MarginFromOneThousand_AchievesJustUnderTheTarget()
    {
        // 1.96·√(0.25/278)·√(722/999)·100 = 4.9967 points; one fewer (277) would give 5.0092, over the target.
        var size = SampleSize.For(Margin(5), 1000);

        Assert.Equal(4.9967, size.MarginAchieved!.Value, 1e-4);
    }

    [Fact]
    public void For_MarginNeedingMoreThanEligible_InvitesEveryoneWithNoMargin()
    {
        // ±1 point needs 9,604 from a large population; from 30 it needs all 30.
        var size = SampleSize.For(Margin(1), 30);

        Assert.Equal(30, size.Count);
        Assert.Equal(0, size.MarginAchieved);
    }

    [Fact]
    public void For_FixedSizeBelowEligible_IsTheSizeWithItsMargin()
    {
        // 1.96·√(0.25/50)·√(950/999)·100 = 13.5149 points.
        var size = SampleSize.For(Fixed(50), 1000);

        Assert.Equal(50, size.Count);
        Assert.Equal(SampleSizeBasis.Size, size.Basis);
        Assert.Null(size.TargetMargin);
        Assert.Equal(13.5149, size.MarginAchieved!.Value, 1e-4);
    }

    [Fact]
    public void For_FixedSizeAboveEligible_IsCappedAtEligible()
    {
        Assert.Equal(12, SampleSize.For(Fixed(50), 12).Count);
    }

    [Fact]
    public void For_Everyone_IsEveryoneEligibleWithNoMargin()
    {
        var size = SampleSize.For(SamplePlan.Everyone, 73);

        Assert.Equal(new SampleSize(73, SampleSizeBasis.Everyone, null, 0), size);
    }

    [Fact]
    public void For_NobodyEligible_IsZeroWithNoMargin()
    {
        var size = SampleSize.For(Margin(5), 0);

        Assert.Equal(0, size.Count);
        Assert.Null(size.MarginAchieved);
    }

    [Fact]
    public void For_OneEligibleAndInvited_HasNoMargin()
    {
        Assert.Equal(0, SampleSize.For(Fixed(10), 1).MarginAchieved);
    }

    [Fact]
    public void For_StratifiedWithNeitherSizeNorMargin_ThrowsArgumentException()
    {
        var plan = new SamplePlan(SampleMethod.Stratified, "team", null, null);

        Assert.Throws<ArgumentException>(() => SampleSize.For(plan, 100));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100.5)]
    public void For_MarginOutOfRange_ThrowsArgumentOutOfRange(double margin)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleSize.For(Margin(margin), 100));
    }

    private static SamplePlan Margin(double points) => new(SampleMethod.Stratified, "team", null, points);

    private static SamplePlan Fixed(int size) => new(SampleMethod.Stratified, "team", size, null);
}
