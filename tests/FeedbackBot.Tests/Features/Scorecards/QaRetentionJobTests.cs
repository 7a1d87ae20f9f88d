using System.Globalization;
using FeedbackBot.CommandLine;
using FeedbackBot.Data;
using FeedbackBot.Infrastructure.Hosting;
using FeedbackBot.Infrastructure.Storage;
using FeedbackBot.Jobs.Scheduling;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Tests.Features.Scorecards;

/// <summary>The <c>system.qa-retention</c> job in the running bot, and its <c>Qa:RetentionSchedule</c> checked at start-up.</summary>
public sealed class QaRetentionJobTests
{
    [Fact]
    public async Task QaRetentionJob_RunByHangfireInTheBot_DeletesEvaluationsPastThePlansRetention()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        await QaPlans.ApplyAsync(database, folder, QaPlans.OneScorecard + "\nqa_retention_days: 30\n");

        // The bot reads the real clock: one evaluation years old, one from yesterday.
        var yesterday = DateTime.UtcNow.Date.AddDays(-1).ToString("yyyy-MM-dd'T'09:00:00'Z'", CultureInfo.InvariantCulture);
        var scored = folder.Write("evaluations.csv", $"""
            evaluation_id,interaction_id,agent,evaluator,scorecard,channel,evaluated_at,greeting,pace,went_well,to_improve
            OLD-1,CALL-1,sam,anna,phone-call,phone,2020-01-06T09:00:00Z,yes,5,Warm,Nothing
            NEW-1,CALL-2,sam,anna,phone-call,phone,{yesterday},yes,4,Quick,Summary
            """);
        Assert.Equal(0, (await CliRun.RunAsync(database, "import", "evaluations", scored, "--plan", "p")).ExitCode);
        var settings = CliRun.Settings(database);
        settings["Playground:Enabled"] = "false";
        var app = BotWebApplication.Build(["--urls=http://127.0.0.1:0"], new CliContext(TextWriter.Null, TextWriter.Null, settings));
        await using var _ = app;
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await app.StartAsync();

        using (var connection = app.Services.GetRequiredService<JobStorage>().GetConnection())
        {
            var job = connection.GetRecurringJobs([JobIds.QaRetention]).Single();
            Assert.Equal(("30 2 * * *", "UTC"), (job.Cron, job.TimeZoneId));
        }

        app.Services.GetRequiredService<IRecurringJobManagerV2>().TriggerJob(JobIds.QaRetention);

        await Eventually.ThatAsync(
            async () =>
            {
                await using var db = database.CreateContext();
                return await db.Evaluations.CountAsync() == 1;
            },
            "the old evaluation deleted");
        Assert.Equal(["NEW-1"], (await Evaluations.ReadAsync(database)).Select(e => e.Split('|')[0]));
    }

    [Fact]
    public async Task Serve_RetentionScheduleNotACron_Exits2NamingTheKey()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = CliRun.Settings(database);
        settings["Qa:RetentionSchedule"] = "every night";

        var run = CliRun.RunAsync(settings, "serve", "--urls", "http://127.0.0.1:0");
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60)));

        Assert.Same(run, finished);
        var result = await run;
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("feedbackbot: configuration: Qa:RetentionSchedule 'every night' is not a schedule: ", result.Error.Trim(), StringComparison.Ordinal);
        Assert.EndsWith("use a cron expression such as '30 2 * * *', or off.", result.Error.Trim(), StringComparison.Ordinal);
    }
}
