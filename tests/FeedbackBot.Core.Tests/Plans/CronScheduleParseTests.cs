using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Tests.Plans;

public class CronScheduleParseTests
{
    private const string FieldOrder = "minute hour day-of-month month day-of-week";

    [Theory]
    [InlineData("0 9 * * 1")]
    [InlineData("*/15 9-17 * * MON-FRI")]
    [InlineData("0 0 1 JAN *")]
    [InlineData("30 8 * * 0,7")]
    [InlineData("0 9 1-7/2 * *")]
    [InlineData("5/10 * * * *")]
    [InlineData("0 12 * * sun")]
    [InlineData("0 12 * jan-mar,Oct *")]
    [InlineData("  0   9 * *\t1  ")]
    [InlineData("0 0 29 2 *")]
    public void TryParse_ValidExpression_Succeeds(string expression)
    {
        var parsed = CronSchedule.TryParse(expression, out var schedule, out var error);

        Assert.True(parsed, error);
        Assert.NotNull(schedule);
        Assert.Null(error);
        Assert.Equal(expression, schedule.ToString());
    }

    [Theory]
    [InlineData("", $"expected five fields ({FieldOrder}), got 0")]
    [InlineData("0 9 * *", $"expected five fields ({FieldOrder}), got 4")]
    [InlineData("0 0 9 * * 1", $"expected five fields ({FieldOrder}), got 6; there is no seconds field")]
    [InlineData("@daily", $"shortcuts such as '@daily' are not supported; write the five fields ({FieldOrder}), such as \"0 9 * * 1\" for 09:00 every Monday")]
    [InlineData("60 9 * * 1", "minute field '60': 60 is out of range; expected 0-59")]
    [InlineData("0 24 * * *", "hour field '24': 24 is out of range; expected 0-23")]
    [InlineData("0 9 0 * *", "day-of-month field '0': 0 is out of range; expected 1-31")]
    [InlineData("0 9 32 * *", "day-of-month field '32': 32 is out of range; expected 1-31")]
    [InlineData("0 9 * 13 *", "month field '13': 13 is out of range; expected 1-12 or JAN-DEC")]
    [InlineData("0 9 * JANUARY *", "month field 'JANUARY': 'JANUARY' is not a valid month; expected 1-12 or JAN-DEC")]
    [InlineData("0 9 * * 8", "day-of-week field '8': 8 is out of range; expected 0-7 or SUN-SAT")]
    [InlineData("0 9 * * FUN", "day-of-week field 'FUN': 'FUN' is not a valid day-of-week; expected 0-7 or SUN-SAT")]
    [InlineData("0 MON * * *", "hour field 'MON': 'MON' is not a valid hour; expected 0-23")]
    [InlineData("*/0 * * * *", "minute field '*/0': '0' is not a valid step; expected a whole number from 1 to 60")]
    [InlineData("*/x * * * *", "minute field '*/x': 'x' is not a valid step; expected a whole number from 1 to 60")]
    [InlineData("0 */25 * * *", "hour field '*/25': '25' is not a valid step; expected a whole number from 1 to 24")]
    [InlineData("0 17-9 * * *", "hour field '17-9': the range 17-9 runs backwards; write the earlier value first")]
    [InlineData("0 9,,10 * * *", "hour field '9,,10': an item of the comma-separated list is empty")]
    [InlineData("0 -5 * * *", "hour field '-5': '-5' is not a valid hour; expected 0-23")]
    [InlineData("0 9- * * *", "hour field '9-': '9-' is not a valid hour; expected 0-23")]
    [InlineData("0 9 ? * 1", "day-of-month field '?': '?' is not a valid day-of-month; expected 1-31")]
    [InlineData("0 9 30 2 *", "the schedule never fires: none of the chosen months has the chosen day-of-month")]
    public void TryParse_InvalidExpression_SaysWhatIsWrongAndWhatIsExpected(string expression, string expected)
    {
        var parsed = CronSchedule.TryParse(expression, out var schedule, out var error);

        Assert.False(parsed);
        Assert.Null(schedule);
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("0 9 1 * 1")]
    [InlineData("0 9 1-31 * 1-5")]
    [InlineData("0 9 */2 * MON")]
    [InlineData("0 9 15 * */2")]
    public void TryParse_BothDayOfMonthAndDayOfWeekRestricted_AsksToRestrictOne(string expression)
    {
        Assert.False(CronSchedule.TryParse(expression, out _, out var error));
        Assert.Equal(
            "day-of-month and day-of-week are both restricted, which cron reads as 'either one' and a plan must not leave ambiguous; restrict one of them and leave the other as *",
            error);
    }

    [Theory]
    [InlineData("0 9 * * 1")]
    [InlineData("0 9 15 * *")]
    [InlineData("0 9 */1 * 1")]
    [InlineData("0 9 15 * */1")]
    public void TryParse_OnlyOneDayFieldRestricted_Succeeds(string expression)
    {
        Assert.True(CronSchedule.TryParse(expression, out _, out var error), error);
    }
}
