using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Tests.Plans;

public class CronScheduleQuartzTests
{
    [Theory]
    [InlineData("0 9 * * 1", "0 0 9 ? * MON")]
    [InlineData("*/15 9-17 * * MON-FRI", "0 */15 9-17 ? * MON-FRI")]
    [InlineData("0 8 1,15 * *", "0 0 8 1,15 * ?")]
    [InlineData("30 6 * JAN-MAR *", "0 30 6 * 1-3 ?")]
    [InlineData("0 0 * * 0,7", "0 0 0 ? * SUN")]
    [InlineData("0 12 * * 5-7", "0 0 12 ? * SUN,FRI,SAT")]
    [InlineData("0 9 * * */2", "0 0 9 ? * SUN,TUE,THU,SAT")]
    [InlineData("* * * * *", "0 * * * * ?")]
    [InlineData("*/1 0-23 */1 1-12 *", "0 * * * * ?")]
    [InlineData("5/20 * * * *", "0 5/20 * * * ?")]
    [InlineData("0 9 1-7 * *", "0 0 9 1-7 * ?")]
    [InlineData("0 0 */2 * *", "0 0 0 */2 * ?")]
    [InlineData("0 0 1 */3 *", "0 0 0 1 */3 ?")]
    [InlineData("0,30 9,21 * * *", "0 0,30 9,21 * * ?")]
    [InlineData("0 10 1,15 * *", "0 0 10 1,15 * ?")]
    public void ToQuartzExpression_StandardCron_GivesTheEquivalentQuartzCron(string cron, string quartz)
    {
        Assert.True(CronSchedule.TryParse(cron, out var schedule, out var error), error);

        Assert.Equal(quartz, schedule.ToQuartzExpression());
    }
}
