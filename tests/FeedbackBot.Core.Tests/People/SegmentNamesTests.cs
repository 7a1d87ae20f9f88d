using FeedbackBot.Core.People;

namespace FeedbackBot.Core.Tests.People;

public sealed class SegmentNamesTests
{
    [Theory]
    [InlineData("team", "team")]
    [InlineData("Region", "region")]
    [InlineData(" SHIFT ", "shift")]
    [InlineData("cost_centre", "cost_centre")]
    [InlineData("site-2", "site-2")]
    public void FromHeader_ValidColumnName_ReturnsTheSegmentNameInLowerCase(string header, string expected)
    {
        Assert.Equal(expected, SegmentNames.FromHeader(header));
    }

    [Theory]
    [InlineData("Shift Pattern")]
    [InlineData("région")]
    [InlineData("_team")]
    [InlineData("")]
    [InlineData("cost.centre")]
    public void FromHeader_NotASegmentName_ReturnsNull(string header)
    {
        Assert.Null(SegmentNames.FromHeader(header));
    }

    [Fact]
    public void FromHeader_LongerThanSixtyFourCharacters_ReturnsNull()
    {
        Assert.Null(SegmentNames.FromHeader(new string('a', 65)));
        Assert.Equal(new string('a', 64), SegmentNames.FromHeader(new string('a', 64)));
    }

    [Theory]
    [InlineData("Shift Pattern", "shift_pattern")]
    [InlineData("Cost  Centre (UK)", "cost_centre_uk")]
    [InlineData("cost.centre", "cost_centre")]
    [InlineData("???", null)]
    public void Suggest_HeaderThatIsNotAName_SuggestsOneThatIs(string header, string? expected)
    {
        Assert.Equal(expected, SegmentNames.Suggest(header));
    }

    [Fact]
    public void IsValid_TheNamesOfAPlansSample_FollowTheSameRule()
    {
        Assert.True(SegmentNames.IsValid(SegmentNames.Team));
        Assert.True(SegmentNames.IsValid(SegmentNames.Title));
        Assert.False(SegmentNames.IsValid("Team"));
    }
}
