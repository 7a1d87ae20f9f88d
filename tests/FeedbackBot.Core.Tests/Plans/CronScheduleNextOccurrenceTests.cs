using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Tests.Plans;

/// <summary>
/// Europe/London moved to BST at 01:00 UTC on 30 March 2025 (01:00-02:00 local did not happen) and back to GMT at
/// 01:00 UTC on 26 October 2025 (01:00-02:00 local happened twice).
/// </summary>
public class CronScheduleNextOccurrenceTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly TimeSpan Gmt = TimeSpan.Zero;
    private static readonly TimeSpan Bst = TimeSpan.FromHours(1);

    private static CronSchedule Cron(string expression)
    {
        Assert.True(CronSchedule.TryParse(expression, out var schedule, out var error), error);
        return schedule;
    }

    [Fact]
    public void GetNextOccurrence_EveryMinute_IsTheNextWholeMinute()
    {
        var next = Cron("* * * * *").GetNextOccurrence(new DateTimeOffset(2025, 1, 6, 10, 0, 30, Gmt), London);

        Assert.Equal(new DateTimeOffset(2025, 1, 6, 10, 1, 0, Gmt), next);
    }

    [Fact]
    public void GetNextOccurrence_ExactlyAtAnOccurrence_IsTheOneAfter()
    {
        var next = Cron("0 9 * * MON").GetNextOccurrence(new DateTimeOffset(2025, 1, 6, 9, 0, 0, Gmt), London);

        Assert.Equal(new DateTimeOffset(2025, 1, 13, 9, 0, 0, Gmt), next);
    }

    [Fact]
    public void GetNextOccurrence_WeeklyAcrossSpringForward_KeepsTheLocalTime()
    {
        var next = Cron("0 9 * * MON").GetNextOccurrence(new DateTimeOffset(2025, 3, 28, 12, 0, 0, Gmt), London);

        Assert.Equal(new DateTimeOffset(2025, 3, 31, 9, 0, 0, Bst), next);
        Assert.Equal(Bst, next!.Value.Offset);
    }

    [Fact]
    public void GetNextOccurrence_LocalTimeInTheSpringForwardGap_IsSkippedThatDay()
    {
        var next = Cron("30 1 * * *").GetNextOccurrence(new DateTimeOffset(2025, 3, 29, 12, 0, 0, Gmt), London);

        Assert.Equal(new DateTimeOffset(2025, 3, 31, 1, 30, 0, Bst), next);
    }

    [Fact]
    public void GetNextOccurrence_AmbiguousLocalTimeAtFallBack_FiresAtItsFirstOccurrence()
    {
        var next = Cron("30 1 * * *").GetNextOccurrence(new DateTimeOffset(2025, 10, 25, 12, 0, 0, Gmt), London);

        Assert.Equal(new DateTimeOffset(2025, 10, 26, 1, 30, 0, Bst), next);
        Assert.Equal(Bst, next!.Value.Offset);
    }

    [Fact]
    public void GetNextOccurrence_AmbiguousLocalTimeAtFallBack_FiresOnlyOnce()
    {
        var schedule = Cron("30 1 * * *");
        var first = schedule.GetNextOccurrence(new DateTimeOffset(2025, 10, 25, 12, 0, 0, Gmt), London)!.Value;

        var second = schedule.GetNextOccurrence(first, London);

        Assert.Equal(new DateTimeOffset(2025, 10, 27, 1, 30, 0, Gmt), second);
    }

    [Fact]
    public void GetNextOccurrence_DuringTheRepeatedHour_DoesNotGoBackToItsFirstPass()
    {
        // 01:10 GMT is the second time the clock shows 01:10; 01:30 BST has already passed by then.
        var next = Cron("*/30 * * * *").GetNextOccurrence(new DateTimeOffset(2025, 10, 26, 1, 10, 0, Gmt), London);

        Assert.Equal(new DateTimeOffset(2025, 10, 26, 2, 0, 0, Gmt), next);
    }

    [Fact]
    public void GetNextOccurrence_WeeklyAcrossFallBack_KeepsTheLocalTime()
    {
        var next = Cron("0 9 * * MON").GetNextOccurrence(new DateTimeOffset(2025, 10, 24, 12, 0, 0, Bst), London);

        Assert.Equal(new DateTimeOffset(2025, 10, 27, 9, 0, 0, Gmt), next);
    }

    [Fact]
    public void GetNextOccurrence_AfterGivenInAnotherOffset_ComparesInstants()
    {
        // 08:30 in New York is 13:30 in London, after the 09:00 run.
        var after = new DateTimeOffset(2025, 1, 6, 8, 30, 0, TimeSpan.FromHours(-5));

        var next = Cron("0 9 * * *").GetNextOccurrence(after, London);

        Assert.Equal(new DateTimeOffset(2025, 1, 7, 9, 0, 0, Gmt), next);
    }

    [Fact]
    public void GetNextOccurrence_TwentyNinthOfFebruary_WaitsForALeapYear()
    {
        var next = Cron("0 0 29 2 *").GetNextOccurrence(new DateTimeOffset(2025, 3, 1, 0, 0, 0, Gmt), London);

        Assert.Equal(new DateTimeOffset(2028, 2, 29, 0, 0, 0, Gmt), next);
    }

    [Fact]
    public void GetNextOccurrence_NothingWithinFiveYears_IsNull()
    {
        // 2100 is not a leap year, so after 2096 the next 29 February is in 2104.
        var next = Cron("0 0 29 2 *").GetNextOccurrence(new DateTimeOffset(2096, 3, 1, 0, 0, 0, Gmt), London);

        Assert.Null(next);
    }

    [Fact]
    public void GetNextOccurrence_DayOfWeekSevenAndZero_AreBothSunday()
    {
        var after = new DateTimeOffset(2025, 1, 6, 0, 0, 0, Gmt);

        var fromSeven = Cron("0 9 * * 7").GetNextOccurrence(after, London);
        var fromZero = Cron("0 9 * * 0").GetNextOccurrence(after, London);

        Assert.Equal(new DateTimeOffset(2025, 1, 12, 9, 0, 0, Gmt), fromSeven);
        Assert.Equal(fromSeven, fromZero);
    }

    [Fact]
    public void GetNextOccurrence_DayOfMonthAndMonth_MatchTogether()
    {
        var next = Cron("15 6 1 APR,OCT *").GetNextOccurrence(new DateTimeOffset(2025, 4, 1, 6, 15, 0, Bst), London);

        Assert.Equal(new DateTimeOffset(2025, 10, 1, 6, 15, 0, Bst), next);
    }

    [Fact]
    public void GetNextOccurrence_NearTheEndOfTime_ReturnsNullInsteadOfOverflowing()
    {
        var next = Cron("0 0 29 2 *").GetNextOccurrence(DateTimeOffset.MaxValue.AddYears(-1), TimeZoneInfo.Utc);

        Assert.Null(next);
    }
}
