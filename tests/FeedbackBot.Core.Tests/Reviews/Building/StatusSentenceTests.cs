using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Reviews;
using FeedbackBot.Core.Reviews.Building;

namespace FeedbackBot.Core.Tests.Reviews.Building;

public sealed class StatusSentenceTests
{
    private static readonly Kpi Mean = new("speed", KpiMetric.Mean, null, "speed", 4.2, KpiDirection.Higher);
    private static readonly Kpi Minutes = new("first_response", KpiMetric.Operational, "first_response_minutes", null, 60, KpiDirection.Lower);
    private static readonly Kpi Fcr = new("fcr", KpiMetric.Fcr, null, "first_contact", 75, KpiDirection.Higher);

    [Fact]
    public void Of_AboveTargetButIntervalContainsIt_SaysItCouldStillBeBelow()
    {
        Assert.Equal(
            "4.34 is above the target of 4.20, but with these 38 answers it could still be below it: at risk.",
            StatusSentence.Of(Mean, KpiStatus.AtRisk, 4.34, 38, null));
    }

    [Fact]
    public void Of_LowerIsBetterAndMissed_SaysAboveIsTheWrongSide()
    {
        Assert.Equal(
            "65.3 is above the target of 60.0, and with these 21 figures it is very likely above it: missed.",
            StatusSentence.Of(Minutes, KpiStatus.Missed, 65.3, 21, null));
    }

    [Fact]
    public void Of_BelowTargetAtRisk_SaysItCouldStillBeAbove()
    {
        Assert.Equal(
            "72.9% is below the target of 75.0%, but with these 325 answers it could still be above it: at risk.",
            StatusSentence.Of(Fcr, KpiStatus.AtRisk, 72.9, 325, null));
    }

    [Fact]
    public void Of_Met_SaysItIsVeryLikelyOnTheRightSide()
    {
        Assert.Equal(
            "81.0% is above the target of 75.0%, and with these 1,204 answers it is very likely above it: met.",
            StatusSentence.Of(Fcr, KpiStatus.Met, 81, 1204, null));
    }

    [Fact]
    public void Of_NoValue_SaysWhy()
    {
        Assert.Equal(
            "Not enough data to compare with the target of 75.0%: fewer than 5 answers.",
            StatusSentence.Of(Fcr, KpiStatus.NotEnoughData, null, null, "fewer than 5 answers"));
    }
}
