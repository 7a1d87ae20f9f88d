using static FeedbackBot.Testing.Plans.PlanFiles;

namespace FeedbackBot.Core.Tests.Plans;

/// <summary>Errors in schedule and reminders, which follow the minimal plan from line 9.</summary>
public class PlanParserTimingErrorTests
{
    private const string DurationFormat =
        "a whole number followed by m (minutes), h (hours) or d (days), such as 30m, 12h or 2d";

    private static string Schedule(string cron, string zone = "Europe/London") =>
        $"schedule:\n  cron: {cron}\n  time_zone: {zone}";

    [Theory]
    [InlineData("\"0 9 * *\"", "expected five fields (minute hour day-of-month month day-of-week), got 4")]
    [InlineData("\"0 25 * * *\"", "hour field '25': 25 is out of range; expected 0-23")]
    [InlineData("\"0 9 * * FUN\"", "day-of-week field 'FUN': 'FUN' is not a valid day-of-week; expected 0-7 or SUN-SAT")]
    [InlineData("\"@weekly\"", "shortcuts such as '@weekly' are not supported; write the five fields (minute hour day-of-month month day-of-week), such as \"0 9 * * 1\" for 09:00 every Monday")]
    public void Parse_BadCron_ReportsTheCronErrorAtTheExpression(string cron, string message)
    {
        AssertSingleError(ParseMinimalWith(Schedule(cron)), $"10:9: schedule.cron: {message}");
    }

    [Fact]
    public void Parse_CronRestrictingBothDayOfMonthAndDayOfWeek_AsksToRestrictOne()
    {
        AssertSingleError(ParseMinimalWith(Schedule("\"0 9 1 * MON\"")),
            "10:9: schedule.cron: day-of-month and day-of-week are both restricted, which cron reads as 'either one' and a plan must not leave ambiguous; restrict one of them and leave the other as *");
    }

    [Fact]
    public void Parse_UnknownTimeZone_SuggestsAnIanaId()
    {
        AssertSingleError(ParseMinimalWith(Schedule("\"0 9 * * 1\"", "GMT Standard Time")),
            "11:14: schedule.time_zone: unknown time zone 'GMT Standard Time'; expected an IANA time zone id, such as Europe/London or America/New_York");
    }

    [Theory]
    [InlineData("schedule:\n  time_zone: UTC", "10:3: schedule.cron: missing required field 'cron'; expected a five-field cron expression in quotes, such as \"0 9 * * 1\" for 09:00 every Monday")]
    [InlineData("schedule:\n  cron: \"0 9 * * 1\"", "10:3: schedule.time_zone: missing required field 'time_zone'; expected an IANA time zone id, such as Europe/London")]
    public void Parse_ScheduleMissingAField_ReportsIt(string extra, string expected)
    {
        AssertSingleError(ParseMinimalWith(extra), expected);
    }

    [Fact]
    public void Parse_CronAsANumber_IsReadAsItsTextAndRejected()
    {
        AssertSingleError(ParseMinimalWith(Schedule("5")),
            "10:9: schedule.cron: expected five fields (minute hour day-of-month month day-of-week), got 1");
    }

    [Theory]
    [InlineData("2 days", $"'2 days' is not a duration; expected {DurationFormat}")]
    [InlineData("2", $"'2' is not a duration; expected {DurationFormat}")]
    [InlineData("2w", $"'2w' is not a duration; expected {DurationFormat}")]
    [InlineData("-2d", $"'-2d' is not a duration; expected {DurationFormat}")]
    [InlineData("1.5h", $"'1.5h' is not a duration; expected {DurationFormat}")]
    [InlineData("0m", "'0m' is too short; reminders must be at least 1m apart")]
    [InlineData("31d", "'31d' is too long; reminders must be at most 30d apart")]
    [InlineData("721h", "'721h' is too long; reminders must be at most 30d apart")]
    [InlineData("99999999999999999999999d", "'99999999999999999999999d' is too long; reminders must be at most 30d apart")]
    public void Parse_BadReminderInterval_SaysWhatADurationLooksLike(string every, string message)
    {
        AssertSingleError(ParseMinimalWith($"reminders:\n  count: 2\n  every: {every}"),
            $"11:10: reminders.every: {message}");
    }

    [Theory]
    [InlineData("11", "10:10: reminders.count: expected a whole number from 0 to 10, got 11")]
    [InlineData("-1", "10:10: reminders.count: expected a whole number from 0 to 10, got -1")]
    [InlineData("two", "10:10: reminders.count: expected a whole number from 0 to 10, got 'two'")]
    public void Parse_BadReminderCount_StatesTheRange(string count, string expected)
    {
        AssertSingleError(ParseMinimalWith($"reminders:\n  count: {count}\n  every: 2d"), expected);
    }

    [Fact]
    public void Parse_RemindersWithoutCount_AsksForIt()
    {
        AssertSingleError(ParseMinimalWith("reminders:\n  every: 2d"),
            "10:3: reminders.count: missing required field 'count'; expected how many reminders to send, from 0 to 10");
    }

    [Fact]
    public void Parse_RemindersWithoutInterval_AsksForIt()
    {
        AssertSingleError(ParseMinimalWith("reminders:\n  count: 2"),
            $"10:3: reminders.every: missing required field 'every'; expected the time between reminders, {DurationFormat}");
    }

    [Fact]
    public void Parse_RemindersOfZeroWithABadInterval_StillReportsTheInterval()
    {
        AssertSingleError(ParseMinimalWith("reminders:\n  count: 0\n  every: soon"),
            $"11:10: reminders.every: 'soon' is not a duration; expected {DurationFormat}");
    }

    [Theory]
    [InlineData("30m", 30)]
    [InlineData("6h", 360)]
    [InlineData("2d", 2880)]
    public void Parse_CycleLength_IsTheCycleOfThatLength(string text, int minutes)
    {
        var result = ParseMinimalWith($"cycle_length: {text}");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(TimeSpan.FromMinutes(minutes), result.Plan!.Length);
        Assert.True(result.Plan.CycleDays >= 1);
    }

    [Fact]
    public void Parse_NoCycleLength_LastsCycleDays()
    {
        var result = ParseMinimalWith("cycle_days: 3");

        Assert.Equal(TimeSpan.FromDays(3), result.Plan!.Length);
        Assert.Null(result.Plan.CycleLength);
    }

    [Theory]
    [InlineData("cycle_days: 3\ncycle_length: 2h", "10:15: cycle_length: give either cycle_days or cycle_length, not both")]
    [InlineData("cycle_length: 2w", "9:15: cycle_length: '2w' is not a duration; expected " + DurationFormat)]
    [InlineData("cycle_length: 4m", "9:15: cycle_length: a cycle lasts from 5m to 366d")]
    public void Parse_BadCycleLength_IsReported(string yaml, string expected)
    {
        AssertSingleError(ParseMinimalWith(yaml), expected);
    }
}
