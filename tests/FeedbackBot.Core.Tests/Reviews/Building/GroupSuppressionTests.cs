using FeedbackBot.Core.Reviews.Building;

namespace FeedbackBot.Core.Tests.Reviews.Building;

public sealed class GroupSuppressionTests
{
    [Fact]
    public void Withheld_AllGroupsLarge_WithholdsNothing() =>
        Assert.Empty(GroupSuppression.Withheld(Sizes(("a", 10), ("b", 5)), 5));

    [Fact]
    public void Withheld_SmallGroupsTogetherReachTheMinimum_WithholdsOnlyThem() =>
        Assert.Equal(["x", "y"], GroupSuppression.Withheld(Sizes(("a", 10), ("x", 2), ("y", 3)), 5).Order());

    [Fact]
    public void Withheld_OneSmallGroup_AlsoWithholdsTheSmallestOther() =>
        Assert.Equal(["b", "x"], GroupSuppression.Withheld(Sizes(("a", 10), ("b", 6), ("c", 8), ("x", 1)), 5).Order());

    [Fact]
    public void Withheld_EmptyGroupOnly_WithholdsItAlone() =>
        Assert.Equal(["x"], GroupSuppression.Withheld(Sizes(("a", 10), ("b", 6), ("x", 0)), 5));

    private static Dictionary<string, long> Sizes(params (string Name, long Size)[] sizes) =>
        sizes.ToDictionary(s => s.Name, s => s.Size);
}
