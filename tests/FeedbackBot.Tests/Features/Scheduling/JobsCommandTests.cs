using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;

namespace FeedbackBot.Tests.Features.Scheduling;

public sealed class JobsCommandTests
{
    [Fact]
    public async Task Jobs_AfterTheBotRan_ListsItsJobsInATable()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (await AdminHost.StartAsync(database, password: null))
        {
        }

        var run = await CliRun.RunAsync(database, "jobs");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("KEY", run.Out, StringComparison.Ordinal);
        Assert.Contains("system.plan-sync", run.Out, StringComparison.Ordinal);
        Assert.Contains("system.weekly-summary", run.Out, StringComparison.Ordinal);
        Assert.Contains("0 9 * * 1 (UTC)", run.Out, StringComparison.Ordinal);
        Assert.All(run.Out.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 120, $"{line.Length} columns: {line}"));
    }

    [Fact]
    public async Task Jobs_ScheduledPlanInALongTimeZone_FitsA120ColumnTerminal()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        var plan = folder.Write("plan.yaml", """
            id: long-zone-plan
            name: Long zone
            audiences: [staff]
            features: [responsiveness]
            methods: [survey]
            questions:
              - id: quick
                text: Customers get a response from us quickly.
                type: rating5
                feature: responsiveness
            schedule:
              cron: "30 10 * * MON-FRI"
              time_zone: America/Argentina/Buenos_Aires
            cycle_days: 3
            """);
        Assert.Equal(0, (await CliRun.RunAsync(database, "plans", "apply", plan)).ExitCode);
        await using (await AdminHost.StartAsync(database, password: null))
        {
            // The plan's recurring job is put in place as the bot starts, named after the plan.
            await Eventually.ThatAsync(
                async () => (await CliRun.RunAsync(database, "jobs")).Out.Contains("long-zone-plan", StringComparison.Ordinal),
                "the plan's recurring job to be listed by the plan's id",
                TimeSpan.FromSeconds(60));
        }

        var pause = await CliRun.RunAsync(database, "jobs", "pause", "system.weekly-summary");
        var run = await CliRun.RunAsync(database, "jobs");

        Assert.Equal(0, pause.ExitCode);
        Assert.Contains("30 10 * * MON-FRI (America/Argentina/Buenos_Aires)", run.Out, StringComparison.Ordinal);
        Assert.Contains("paused (operator)", run.Out, StringComparison.Ordinal);
        Assert.All(run.Out.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 120, $"{line.Length} columns: {line}"));
    }

    [Fact]
    public async Task JobsPauseThenResume_KnownJob_ChangesWhatJobsLists()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (await AdminHost.StartAsync(database, password: null))
        {
        }

        var pause = await CliRun.RunAsync(database, "jobs", "pause", "system.weekly-summary");
        var paused = await CliRun.RunAsync(database, "jobs");
        var resume = await CliRun.RunAsync(database, "jobs", "resume", "system.weekly-summary");
        var resumed = await CliRun.RunAsync(database, "jobs");

        Assert.Equal((0, "Paused system.weekly-summary."), (pause.ExitCode, pause.Out.Trim()));
        Assert.Contains("paused (operator)", paused.Out, StringComparison.Ordinal);
        Assert.Equal(0, resume.ExitCode);
        Assert.DoesNotContain("paused (operator)", resumed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobsTrigger_UnknownJob_ExitsWith2AndSaysSo()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var run = await CliRun.RunAsync(database, "jobs", "trigger", "system.nothing");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("No job 'system.nothing'; see 'feedbackbot jobs' for the keys.", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Jobs_EmptyStore_SaysNothingIsScheduled()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var run = await CliRun.RunAsync(database, "jobs");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("No jobs are scheduled.", run.Out, StringComparison.Ordinal);
    }
}
