using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Reviews;
using FeedbackBot.Core.Reviews.Building;

namespace FeedbackBot.Core.Tests.Reviews.Building;

public sealed class SourceChecksTests
{
    private static readonly CycleWindow Window = ReviewFixtures.Current;
    private static readonly DateOnly First = DateOnly.FromDateTime(ReviewFixtures.Start);

    private static OperationalObservation Figure(int day, double value, string segment = "") =>
        new(First.AddDays(day), "first_response_minutes", segment, value);

    [Fact]
    public void CheckComplaints_SameComplaintLoggedTwice_ReportsOneDuplicateOfSameContentAndTime()
    {
        var at = Window.Start.AddHours(9);
        ComplaintRecord[] complaints =
        [
            new(at, "Delay", "phone", "north", "No reply for a week.", null),
            new(at, "delay", "email", null, " No reply for a week. ", null),
            new(at.AddHours(1), "billing", null, null, "Charged twice.", null),
            new(at.AddDays(1), "billing", null, null, "Charged twice again.", null),
            new(at.AddDays(2), "access", null, null, "The form fails.", null),
            new(at.AddDays(3), "delay", null, null, "Still waiting.", null),
        ];

        var check = SourceChecks.CheckComplaints(complaints, Window, []);

        var duplicate = Assert.Single(check.Duplicates);
        Assert.Equal(new DuplicateRecords("same_content_and_time", "2026-10-12T09:00:00Z delay", 2), duplicate);
        Assert.Empty(check.MissingDays);
        Assert.Equal("use_with_care", check.Trust);
        Assert.Equal("1 duplicate record", check.Reason);
    }

    [Fact]
    public void CheckComplaints_CleanLog_IsTrustedWithoutGapsForQuietDays()
    {
        // Complaints need not come every day, so a day without one is no gap; and counts move in whole steps, so one
        // complaint in a quiet week is not far from the usual (the scale is at least one complaint).
        var check = SourceChecks.CheckComplaints([new(Window.Start.AddHours(9), "delay", null, null, "Slow.", null)], Window, []);

        Assert.Equal("trusted", check.Trust);
        Assert.Equal("no duplicates, no outlying days", check.Reason);
    }

    [Fact]
    public void CheckComplaints_OneDayFarAboveTheUsual_IsAnOutlierEvenWhenMadIsZero()
    {
        // Daily counts 2, 2, 2, 2, 2, 2, 12: median 2, MAD 0, so the mean absolute deviation 10 / 7 = 1.428571 stands in;
        // z(12) = 10 / (1.253314 · 1.428571) = 10 / 1.790449 = 5.585.
        var complaints = Enumerable.Range(0, 6)
            .SelectMany(d => Enumerable.Range(0, 2).Select(i => new ComplaintRecord(Window.Start.AddDays(d).AddHours(9 + i), "delay", null, null, $"c{d}{i}", null)))
            .Concat(Enumerable.Range(0, 12).Select(i => new ComplaintRecord(Window.Start.AddDays(6).AddHours(8).AddMinutes(i), "delay", null, null, $"late{i}", null)))
            .ToList();

        var check = SourceChecks.CheckComplaints(complaints, Window, []);

        var outlier = Assert.Single(check.Outliers);
        Assert.Equal(new DailyOutlier(First.AddDays(6), SourceChecks.ComplaintsPerDay, 12, 2, 5.59), outlier);
        Assert.Equal("use_with_care", check.Trust);
    }

    [Fact]
    public void CheckOperations_ThreeDaysMissingOfTwoSeries_IsUseWithCare()
    {
        // Two series of 7 days expect 14 figures; 3 missing is 21%, under a quarter.
        var figures = Enumerable.Range(0, 7).Select(d => Figure(d, 50, "north"))
            .Concat(new[] { 0, 1, 2, 3 }.Select(d => Figure(d, 50, "south")))
            .ToList();

        var check = SourceChecks.CheckOperations(figures, Window, []);

        Assert.Equal(
            [new MissingDay(First.AddDays(4), "first_response_minutes/south"), new MissingDay(First.AddDays(5), "first_response_minutes/south"), new MissingDay(First.AddDays(6), "first_response_minutes/south")],
            check.MissingDays);
        Assert.Equal("use_with_care", check.Trust);
        Assert.Equal("3 daily figures missing", check.Reason);
    }

    [Fact]
    public void CheckOperations_MoreThanAQuarterMissing_IsNotTrusted()
    {
        var check = SourceChecks.CheckOperations([.. new[] { 0, 1, 2, 3 }.Select(d => Figure(d, 50))], Window, []);

        Assert.Equal(3, check.MissingDays.Count);
        Assert.Equal("not_trusted", check.Trust);
    }

    [Fact]
    public void CheckOperations_OneWildDay_IsAnOutlierWithItsRobustZ()
    {
        // 50, 52, 48, 51, 49, 50, 200: median 50; deviations sorted 0, 0, 1, 1, 2, 2, 150: MAD 1;
        // z(200) = 150 / 1.4826 = 101.17; z(52) = 2 / 1.4826 = 1.35, not an outlier.
        double[] values = [50, 52, 48, 51, 49, 50, 200];
        var check = SourceChecks.CheckOperations([.. values.Select((v, d) => Figure(d, v))], Window, []);

        var outlier = Assert.Single(check.Outliers);
        Assert.Equal(new DailyOutlier(First.AddDays(6), "first_response_minutes", 200, 50, 101.17), outlier);
        Assert.Equal("1 outlying day", check.Reason);
    }

    [Fact]
    public void CheckOperations_DayUsualForEarlierCycles_IsNotAnOutlier()
    {
        // 65 stands out against this week's 48s alone, but earlier weeks ran at 60 to 70: judged over all of them it is usual.
        double[] values = [48, 48, 48, 48, 48, 48, 65];
        var earlier = new EarlierCycle(
            new CycleSpan(Window.Start.AddDays(-7), Window.Start), [],
            [.. new double[] { 60, 62, 64, 66, 68, 70, 65 }.Select((v, d) => new OperationalObservation(First.AddDays(d - 7), "first_response_minutes", "", v))]);

        var check = SourceChecks.CheckOperations([.. values.Select((v, d) => Figure(d, v))], Window, [earlier]);

        Assert.Empty(check.Outliers);
        Assert.Equal("trusted", check.Trust);
        Assert.Equal("no duplicates, no gaps, no outliers", check.Reason);
    }

    [Fact]
    public void CheckOperations_SameMetricDayAndSegmentTwice_IsADuplicateOfSameId()
    {
        var figures = Enumerable.Range(0, 7).Select(d => Figure(d, 50)).Append(Figure(2, 55)).ToList();

        var check = SourceChecks.CheckOperations(figures, Window, []);

        Assert.Equal(new DuplicateRecords("same_id", "first_response_minutes 2026-10-14", 2), Assert.Single(check.Duplicates));
    }
}
