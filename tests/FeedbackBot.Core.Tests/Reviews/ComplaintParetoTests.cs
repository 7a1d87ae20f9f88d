using FeedbackBot.Core.Reviews;

namespace FeedbackBot.Core.Tests.Reviews;

public sealed class ComplaintParetoTests
{
    private static CategoryCount C(string category, int count) => new(category, count, null, null);

    [Fact]
    public void Of_FiveCategories_SharesCumulativeAndVitalFewMatchTheHandFigures()
    {
        // 40 complaints. Sorted: delay 15 (37.5%), billing 8 (20.0%), access 6 (15.0%), staff_attitude 5 (12.5%),
        // then other 6 (15.0%) last as a mix. Cumulative 37.5, 57.5, 72.5, 85.0, 100.0: 85.0 first reaches 80%, so the
        // vital few are the first four.
        var pareto = ComplaintPareto.Of([C("access", 6), C("other", 6), C("delay", 15), C("staff_attitude", 5), C("billing", 8)]);

        Assert.Equal(["delay", "billing", "access", "staff_attitude", "other"], pareto.Select(p => p.Category));
        Assert.Equal([37.5, 20.0, 15.0, 12.5, 15.0], pareto.Select(p => p.Share));
        Assert.Equal([37.5, 57.5, 72.5, 85.0, 100.0], pareto.Select(p => p.CumulativeShare));
        Assert.Equal([true, true, true, true, false], pareto.Select(p => p.VitalFew));
    }

    [Fact]
    public void Of_TiedCountsReachingExactly80_SortsTiesByNameAndStopsAtTheCategoryReaching80()
    {
        // 10 complaints: a 4 and b 4 tie (by name: a first), 40% each; cumulative 40, 80 (exactly 80%: b is the last
        // vital one), c 2 (20%, cumulative 100) is not.
        var pareto = ComplaintPareto.Of([C("c", 2), C("b", 4), C("a", 4)]);

        Assert.Equal(["a", "b", "c"], pareto.Select(p => p.Category));
        Assert.Equal([40.0, 80.0, 100.0], pareto.Select(p => p.CumulativeShare));
        Assert.Equal([true, true, false], pareto.Select(p => p.VitalFew));
    }

    [Fact]
    public void Of_SingleCategory_IsAllOfThemAndVital()
    {
        var only = Assert.Single(ComplaintPareto.Of([C("delay", 7)]));

        Assert.Equal(new ParetoCategory("delay", 7, 100.0, 100.0, true), only);
    }

    [Fact]
    public void Of_ThirdsOfAWhole_RoundsSharesToOneDecimalAndEndsAt100()
    {
        // 1 / 3 = 33.3%; cumulative 33.3, 66.7 (from 2/3 exactly, not 33.3 + 33.3), 100.0.
        var pareto = ComplaintPareto.Of([C("a", 5), C("b", 5), C("c", 5)]);

        Assert.Equal([33.3, 33.3, 33.3], pareto.Select(p => p.Share));
        Assert.Equal([33.3, 66.7, 100.0], pareto.Select(p => p.CumulativeShare));
        Assert.Equal([true, true, true], pareto.Select(p => p.VitalFew));
    }

    [Fact]
    public void Of_NoCategories_IsEmpty()
    {
        Assert.Empty(ComplaintPareto.Of([]));
    }
}
