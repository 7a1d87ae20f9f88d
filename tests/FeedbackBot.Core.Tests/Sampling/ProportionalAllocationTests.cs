using FeedbackBot.Core.Sampling;

namespace FeedbackBot.Core.Tests.Sampling;

public sealed class ProportionalAllocationTests
{
    [Fact]
    public void LargestRemainder_ExactShares_AreTheShares()
    {
        var allocation = ProportionalAllocation.LargestRemainder(Sizes(("north", 50), ("south", 30), ("west", 20)), 10);

        Assert.Equal(Expected(("north", 5), ("south", 3), ("west", 2)), allocation);
    }

    [Fact]
    public void LargestRemainder_FractionalShares_GiveTheLeftOverToTheLargestRemainder()
    {
        // Quotas 3.5, 2.1, 1.4: floors 3 + 2 + 1 = 6, the seventh place goes to north (.5 beats .4 and .1).
        var allocation = ProportionalAllocation.LargestRemainder(Sizes(("north", 50), ("south", 30), ("west", 20)), 7);

        Assert.Equal(Expected(("north", 4), ("south", 2), ("west", 1)), allocation);
    }

    [Fact]
    public void LargestRemainder_TwoPlacesLeftOver_GoToTheTwoLargestRemainders()
    {
        // Quotas of 11 from 7/5/3/2 (17): 4.529, 3.235, 1.941, 1.294 → floors 4, 3, 1, 1 = 9; .941 and .529 win.
        var allocation = ProportionalAllocation.LargestRemainder(Sizes(("a", 7), ("b", 5), ("c", 3), ("d", 2)), 11);

        Assert.Equal(Expected(("a", 5), ("b", 3), ("c", 2), ("d", 1)), allocation);
    }

    [Fact]
    public void LargestRemainder_TiedRemainders_FavourTheNameThatSortsFirst()
    {
        // 1.5 each: the third place goes to "alpha" whichever order the strata come in.
        var forward = ProportionalAllocation.LargestRemainder(Sizes(("alpha", 10), ("beta", 10)), 3);
        var backward = ProportionalAllocation.LargestRemainder(Sizes(("beta", 10), ("alpha", 10)), 3);

        Assert.Equal(Expected(("alpha", 2), ("beta", 1)), forward);
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void LargestRemainder_SmallStratumWithSmallShare_GetsNobody()
    {
        // Quotas 9.7, 0.2, 0.1: no minimum per stratum, so the tenth place goes to the largest remainder (.7).
        var allocation = ProportionalAllocation.LargestRemainder(Sizes(("big", 97), ("mid", 2), ("tiny", 1)), 10);

        Assert.Equal(Expected(("big", 10), ("mid", 0), ("tiny", 0)), allocation);
    }

    [Fact]
    public void LargestRemainder_EverySeat_IsEveryStratumWhole()
    {
        var allocation = ProportionalAllocation.LargestRemainder(Sizes(("a", 3), ("b", 0), ("c", 4)), 7);

        Assert.Equal(Expected(("a", 3), ("b", 0), ("c", 4)), allocation);
    }

    [Fact]
    public void LargestRemainder_EmptyStrata_AllGetZero()
    {
        var allocation = ProportionalAllocation.LargestRemainder(Sizes(("a", 0), ("b", 0)), 0);

        Assert.Equal(Expected(("a", 0), ("b", 0)), allocation);
    }

    [Fact]
    public void LargestRemainder_ResultOrder_IsOrdinalByName()
    {
        var allocation = ProportionalAllocation.LargestRemainder(Sizes(("b", 1), ("B", 1), ("a", 1)), 3);

        Assert.Equal(["B", "a", "b"], allocation.Keys);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(8)]
    public void LargestRemainder_TotalOutsideThePopulation_Throws(int total)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionalAllocation.LargestRemainder(Sizes(("a", 3), ("b", 4)), total));
    }

    [Fact]
    public void LargestRemainder_NegativeSize_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionalAllocation.LargestRemainder(Sizes(("a", -1), ("b", 4)), 1));
    }

    private static Dictionary<string, int> Sizes(params (string Stratum, int Size)[] sizes) =>
        sizes.ToDictionary(s => s.Stratum, s => s.Size, StringComparer.Ordinal);

    private static Dictionary<string, int> Expected(params (string Stratum, int Count)[] counts) => Sizes(counts);
}
