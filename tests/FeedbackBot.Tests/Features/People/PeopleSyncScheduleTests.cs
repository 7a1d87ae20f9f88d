using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;

namespace FeedbackBot.Tests.Features.People;

/// <summary><c>People:SyncSchedule</c> is checked when the bot starts, as every setting is.</summary>
public sealed class PeopleSyncScheduleTests
{
    [Fact]
    public async Task Serve_SyncScheduleNotACron_Exits2NamingTheKey()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = CliRun.Settings(database);
        settings["People:SyncSchedule"] = "every morning";

        var run = CliRun.RunAsync(settings, "serve", "--urls", "http://127.0.0.1:0");
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60)));

        Assert.Same(run, finished);
        var result = await run;
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("feedbackbot: configuration: People:SyncSchedule 'every morning' is not a schedule: ", result.Error.Trim(), StringComparison.Ordinal);
        Assert.EndsWith("use a cron expression such as '0 3 * * *', or off.", result.Error.Trim(), StringComparison.Ordinal);
    }
}
