using System.CommandLine;
using System.Globalization;
using FeedbackBot.CommandLine;
using FeedbackBot.Hosting;
using FeedbackBot.Jobs.Scheduling;
using FeedbackBot.Storage;
using Quartz;
using Spectre.Console;

namespace FeedbackBot.Admin;

/// <summary>
/// <c>feedbackbot jobs</c>: the scheduler's jobs, and <c>trigger</c>, <c>pause</c>, <c>resume</c> of one. It works on the
/// shared job store through a scheduler that is never started, so it runs no job and never joins the cluster; the
/// running instances pick up what it changes.
/// </summary>
internal static class JobsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("jobs", "List the scheduled jobs with their triggers, last and next runs; trigger, pause or resume one.")
        {
            Action("trigger", "Run a job now, on whichever instance picks it up.", context, (o, k, c) => o.TriggerAsync(k, c), "Triggered"),
            Action("pause", "Pause a job's triggers until resumed.", context, (o, k, c) => o.PauseAsync(k, c), "Paused"),
            Action("resume", "Resume a paused job.", context, (o, k, c) => o.ResumeAsync(k, c), "Resumed"),
        };
        command.AllowOverrides().SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = await CreateServicesAsync(parseResult, context, cancellationToken);
            var jobs = await services.GetRequiredService<SchedulerOverview>().ListAsync(cancellationToken);
            await ShutdownAsync(services, cancellationToken);
            Write(context.Out, jobs);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Action(
        string name, string description, CliContext context,
        Func<SchedulerOverview, string, CancellationToken, Task<JobActionResult>> operation, string done)
    {
        var key = new Argument<string>("KEY") { Description = "The job's key as 'feedbackbot jobs' lists it, such as system.plan-sync." };
        var command = new Command(name, description) { key };
        command.AllowOverrides().SetAction(async (parseResult, cancellationToken) =>
        {
            var jobKey = parseResult.GetRequiredValue(key);
            await using var services = await CreateServicesAsync(parseResult, context, cancellationToken);
            var result = await operation(services.GetRequiredService<SchedulerOverview>(), jobKey, cancellationToken);
            await ShutdownAsync(services, cancellationToken);
            if (result == JobActionResult.NotFound)
            {
                throw new UsageException($"No job '{jobKey}'; see 'feedbackbot jobs' for the keys.");
            }

            await context.Out.WriteLineAsync($"{done} {jobKey}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<ServiceProvider> CreateServicesAsync(ParseResult parseResult, CliContext context, CancellationToken cancellationToken)
    {
        var configuration = AppConfiguration.Build(ConfigurationArguments.From(parseResult), context);
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddLogging(logging =>
        {
            logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            logging.SetMinimumLevel(LogLevel.Warning);
        });
        services.AddFeedbackStorage(configuration);
        services.AddFeedbackScheduler(configuration, SchedulerRole.Standby);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        return provider;
    }

    private static async Task ShutdownAsync(ServiceProvider services, CancellationToken cancellationToken)
    {
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
        await scheduler.Shutdown(waitForJobsToComplete: false, cancellationToken);
    }

    private static void Write(TextWriter output, IReadOnlyList<ScheduledJobView> jobs)
    {
        if (jobs.Count == 0)
        {
            output.WriteLine("No jobs are scheduled. The bot adds its own when it starts, and one per scheduled plan.");
            return;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 220;
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn(new TableColumn("KEY").NoWrap());
        foreach (var heading in new[] { "STATE", "SCHEDULE", "PREVIOUS", "NEXT", "RUNNING ON", "LAST RUN", "ERROR" })
        {
            table.AddColumn(heading);
        }

        foreach (var job in jobs)
        {
            table.AddRow(
                new Text(job.Key),
                new Text(job.PausedBy is null ? job.State : $"{job.State} ({job.PausedBy})"),
                new Text(job.TimeZone is null ? job.Schedule : $"{job.Schedule} ({job.TimeZone})"),
                new Text(Time(job.PreviousFireTime)),
                new Text(Time(job.NextFireTime)),
                new Text(job.Running ? string.Join(", ", job.RunningOn) : "-"),
                new Text(job.LastRun is { } run ? $"{run.Outcome} {Time(run.EndedAt)}" : "never"),
                new Text(job.LastRun?.Error ?? string.Empty));
        }

        console.Write(table);
    }

    private static string Time(DateTimeOffset? time) =>
        time is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "-";
}
