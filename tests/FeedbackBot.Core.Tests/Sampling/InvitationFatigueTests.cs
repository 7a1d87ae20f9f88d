using FeedbackBot.Core.Sampling;

namespace FeedbackBot.Core.Tests.Sampling;

public sealed class InvitationFatigueTests
{
    private static readonly DateOnly Opening = new(2025, 3, 10);

    [Fact]
    public void IsEligible_NeverInvited_IsEligible()
    {
        Assert.True(InvitationFatigue.IsEligible(null, Opening, 30));
    }

    [Fact]
    public void IsEligible_InvitedExactlyTheGapAgo_IsEligible()
    {
        Assert.True(InvitationFatigue.IsEligible(Opening.AddDays(-30), Opening, 30));
    }

    [Fact]
    public void IsEligible_InvitedOneDayInsideTheGap_IsNotEligible()
    {
        Assert.False(InvitationFatigue.IsEligible(Opening.AddDays(-29), Opening, 30));
    }

    [Fact]
    public void IsEligible_InvitedAfterTheOpening_IsNotEligible()
    {
        Assert.False(InvitationFatigue.IsEligible(Opening.AddDays(1), Opening, 0));
    }

    [Fact]
    public void IsEligible_NoGapAndInvitedTheSameDay_IsEligible()
    {
        Assert.True(InvitationFatigue.IsEligible(Opening, Opening, 0));
    }

    [Fact]
    public void IsEligible_NegativeGap_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => InvitationFatigue.IsEligible(null, Opening, -1));
    }
}
