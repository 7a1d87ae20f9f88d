using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Reviews;

namespace FeedbackBot.Core.Tests.Reviews;

public sealed class ComplaintPatternsTests
{
    private static readonly CycleWindow Window = ReviewFixtures.Current;

    private static ComplaintRecord Complaint(DateTime at, string category, double? hoursToResolve = null) =>
        new(at, category, null, null, "text", hoursToResolve is { } h ? at.AddHours(h) : null);

    private static List<ComplaintRecord> Many(DateTime start, string category, int count) =>
        [.. Enumerable.Range(0, count).Select(i => Complaint(start.AddHours(1 + i), category))];

    [Fact]
    public void Resolution_TenResolvedAnd48HourStandard_MedianP90AndShareMatchTheHandFigures()
    {
        // Sorted hours 2, 4, 10, 30, 50, 60, 70, 80, 90, 100: median (50 + 60) / 2 = 55; 90th percentile by nearest rank
        // is the ⌈0.9 · 10⌉ = 9th, 90; within 48 hours: 2, 4, 10, 30 = 4 of 10 = 40.0%. The open one counts in none.
        double[] hours = [50, 2, 100, 30, 4, 90, 60, 10, 80, 70];
        var complaints = hours.Select(h => Complaint(Window.Start, "delay", h)).Append(Complaint(Window.Start, "delay")).ToList();

        var resolution = ComplaintPatterns.Resolution(complaints, TimeSpan.FromHours(48))!;

        Assert.Equal(new ResolutionTimes(10, 55.0, 90.0, 48.0, 4, 40.0), resolution);
    }

    [Fact]
    public void Resolution_PlanWithoutStandard_GivesTimesButNoShare()
    {
        var resolution = ComplaintPatterns.Resolution([Complaint(Window.Start, "delay", 3)], null)!;

        Assert.Equal(new ResolutionTimes(1, 3.0, 3.0, null, null, null), resolution);
    }

    [Fact]
    public void Resolution_NoneResolved_IsNull()
    {
        Assert.Null(ComplaintPatterns.Resolution([Complaint(Window.Start, "delay")], TimeSpan.FromHours(48)));
    }

    [Fact]
    public void Add_ThreeCyclesOfDelays_FollowsEachCycleAndTestsTheLastChange()
    {
        // Delay: 4, then 5, then 15 this week. The change on the previous week is +10; with equal weeks the exact test
        // gives p = 2 · 21700 / 2²⁰ = 0.0414, rate ratio 3.
        var earlier = new List<EarlierCycle>
        {
            new(new CycleSpan(Window.Start.AddDays(-7), Window.Start), Many(Window.Start.AddDays(-7), "Delay", 5), []),
            new(new CycleSpan(Window.Start.AddDays(-14), Window.Start.AddDays(-7)), Many(Window.Start.AddDays(-14), "delay", 4), []),
        };
        var current = Many(Window.Start, "delay", 15);
        var summary = ComplaintAnalysis.Summarise(current, earlier[0].Complaints, Window, 5);

        var report = ComplaintPatterns.Add(summary, current, Window, earlier, null, null);

        var trend = Assert.Single(report.Trends!);
        Assert.Equal([4, 5, 15], trend.Cycles.Select(c => c.Count));
        Assert.Equal(Window.Start.AddDays(-14), trend.Cycles[0].Start);
        Assert.Equal(10, trend.Change);
        Assert.Equal(0.0414, trend.PValue);
        Assert.Equal(3.0, trend.RateRatio);
        Assert.Null(report.PerThousandInteractions);
    }

    [Fact]
    public void Add_InteractionVolume_GivesComplaintsPerThousand()
    {
        // 34 complaints over 2,760 interactions: 34 / 2760 · 1000 = 12.319 → 12.3.
        var current = Many(Window.Start, "delay", 34);
        var summary = ComplaintAnalysis.Summarise(current, null, Window, 5);

        var report = ComplaintPatterns.Add(summary, current, Window, [], null, 2760);

        Assert.Equal(2760, report.Interactions);
        Assert.Equal(12.3, report.PerThousandInteractions);
    }

    [Fact]
    public void Add_FewerInteractionsThanComplaints_GivesNoRate()
    {
        // Such a log is a sample kept for QA, not the cycle's volume: a rate from it would be a guess.
        var current = Many(Window.Start, "delay", 34);
        var summary = ComplaintAnalysis.Summarise(current, null, Window, 5);

        var report = ComplaintPatterns.Add(summary, current, Window, [], null, 16);

        Assert.Null(report.Interactions);
        Assert.Null(report.PerThousandInteractions);
    }
}
