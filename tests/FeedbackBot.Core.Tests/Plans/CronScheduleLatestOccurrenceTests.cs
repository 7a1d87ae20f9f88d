using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Tests.Plans;

/// <summary>Europe/London moved to BST at 01:00 UTC on 30 March 2025 (01:00-02:00 local did not happen).</summary>
public class CronScheduleLatestOccurrenceTests
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
    public void GetLatestOccurrence_ExactlyAtAnOccurrence_IsThatOccurrence()
    {
        var at = new DateTimeOffset(2025, 1, 6, 9, 0, 0, Gmt);

        Assert.Equal(at, Cron("0 9 * * MON").GetLatestOccurrence(at, London));
    }

    [Fact]
    public void GetLatestOccurrence_StartedLate_IsTheOccurrenceItWasDueFor()
    {
        var late = new DateTimeOffset(2025, 1, 8, 14, 37, 12, Gmt);

        Assert.Equal(new DateTimeOffset(2025, 1, 6, 9, 0, 0, Gmt), Cron("0 9 * * MON").GetLatestOccurrence(late, London));
    }

    [Fact]
    public void GetLatestOccurrence_EveryMinute_IsTheStartOfTheMinute()
    {
        var at = new DateTimeOffset(2025, 1, 6, 10, 0, 30, Gmt);

        Assert.Equal(new DateTimeOffset(2025, 1, 6, 10, 0, 0, Gmt), Cron("* * * * *").GetLatestOccurrence(at, London));
    }

    [Fact]
    public void GetLatestOccurrence_YearlyLongAgo_LooksBackFarEnough()
    {
        var at = new DateTimeOffset(2025, 12, 31, 0, 0, 0, Gmt);

        Assert.Equal(new DateTimeOffset(2025, 1, 1, 6, 0, 0, Gmt), Cron("0 6 1 1 *").GetLatestOccurrence(at, London));
    }

    [Fact]
    public void GetLatestOccurrence_AfterSpringForward_KeepsTheLocalTime()
    {
        var at = new DateTimeOffset(2025, 3, 31, 12, 0, 0, Gmt);

        Assert.Equal(new DateTimeOffset(2025, 3, 31, 9, 0, 0, Bst), Cron("0 9 * * MON").GetLatestOccurrence(at, London));
    }

    [Fact]
    public void GetLatestOccurrence_AgreesWithNextOccurrence_ForEveryStartInAWeek()
    {
        var cron = Cron("30 8,17 * * MON-FRI");
        var start = new DateTimeOffset(2025, 3, 24, 0, 0, 0, Gmt);
        for (var at = start; at < start.AddDays(7); at = at.AddMinutes(37))
        {
            var latest = cron.GetLatestOccurrence(at, London);

            Assert.NotNull(latest);
            Assert.True(latest <= at);
            Assert.True(cron.GetNextOccurrence(latest.Value, London) > at, $"{latest} is not the latest occurrence at or before {at}");
        }
    }
}
