using System.CommandLine;
using System.Globalization;
using FeedbackBot.CommandLine;
using FeedbackBot.Data;
using FeedbackBot.Features.Audit;
using FeedbackBot.Infrastructure.Hosting;
using FeedbackBot.Infrastructure.Storage;
using FeedbackBot.Jobs.Scheduling;

namespace FeedbackBot.Features.Scheduling;

/// <summary>
/// <c>feedbackbot jobs</c>: the scheduler's jobs, and <c>trigger</c>, <c>pause</c>, <c>resume</c> of one. It works on the
/// shared job store without a Hangfire server, so it runs no job itself; the running instances pick up what it changes.
/// </summary>
internal static class JobsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("jobs", "List the scheduled jobs with their triggers, last and next runs; trigger, pause or resume one.")
        {
            Action("trigger", "Run a job now, on whichever instance picks it up (a plan's job opens a cycle from now).", context, (o, k, c) => o.TriggerAsync(k, c), "Triggered", AuditTrail.JobTriggered),
            Action("pause", "Hold a recurring job until resumed.", context, (o, k, c) => o.PauseAsync(k, c), "Paused", AuditTrail.JobPaused),
            Action("resume", "Resume a paused recurring job.", context, (o, k, c) => o.ResumeAsync(k, c), "Resumed", AuditTrail.JobResumed),
        };
        command.AllowOverrides().SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = await CreateServicesAsync(parseResult, context, cancellationToken);
            var jobs = await services.GetRequiredService<SchedulerOverview>().ListAsync(cancellationToken);
            Write(context.Out, jobs);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Action(
        string name, string description, CliContext context,
        Func<SchedulerOverview, string, CancellationToken, Task<JobActionResult>> operation, string done, string auditAction)
    {
        var key = new Argument<string>("KEY") { Description = "The job's key as 'feedbackbot jobs' lists it, such as staff-pulse, system.plan-sync or #12." };
        var command = new Command(name, description) { key };
        command.AllowOverrides().SetAction(async (parseResult, cancellationToken) =>
        {
            var jobKey = parseResult.GetRequiredValue(key);
            await using var services = await CreateServicesAsync(parseResult, context, cancellationToken);
            var result = await operation(services.GetRequiredService<SchedulerOverview>(), jobKey, cancellationToken);
            if (result == JobActionResult.NotFound)
            {
                throw new UsageException($"No job '{jobKey}'; see 'feedbackbot jobs' for the keys.");
            }

            if (result == JobActionResult.OnlyRecurring)
            {
                throw new UsageException($"'{jobKey}' runs once; only recurring jobs can be paused or resumed.");
            }

            await using (var scope = services.CreateAsyncScope())
            {
                // A job belongs to the installation, not to one tenant, even when it runs one tenant's plan.
                var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
                AuditTrail.Add(db, null, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, AuditTrail.CommandLine, auditAction, $"job:{jobKey}");
                await db.SaveChangesAsync(cancellationToken);
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


    /// <summary>The widest line written, so the listing reads in a terminal of 120 columns.</summary>
    public const int Width = 120;

    private const string Indent = "    ";

    // One line per job with what an operator scans for (state, next run, last outcome), and the details indented
    // under it: a table with every field in its own column is wider than a terminal once plan ids are in the keys.
    private static void Write(TextWriter output, IReadOnlyList<ScheduledJobView> jobs)
    {
        if (jobs.Count == 0)
        {
            output.WriteLine("No jobs are scheduled. The bot adds its own when it starts, and one per scheduled plan.");
            return;
        }

        string[] headings = ["KEY", "STATE", "NEXT (UTC)", "LAST RUN (UTC)"];
        var rows = jobs.Select(job => new[]
        {
            job.Key,
            job.PausedBy is null ? job.State : $"{job.State} ({job.PausedBy})",
            Time(job.NextFireTime),
            job.LastRun is { } run ? $"{run.Outcome} {Time(run.EndedAt)}" : "never",
        }).ToList();
        var widths = headings.Select((heading, i) => rows.Select(r => r[i].Length).Append(heading.Length).Max()).ToArray();
        WriteRow(output, headings, widths);
        for (var i = 0; i < jobs.Count; i++)
        {
            var job = jobs[i];
            WriteRow(output, rows[i], widths);
            var details = new List<string>
            {
                job.TimeZone is null ? job.Schedule : $"{job.Schedule} ({job.TimeZone})",
                $"previous {Time(job.PreviousFireTime)}",
            };
            if (job.Running)
            {
                details.Add("running on " + string.Join(", ", job.RunningOn));
            }

            foreach (var line in Wrap(string.Join("; ", details), Width - Indent.Length))
            {
                output.WriteLine(Indent + line);
            }

            if (job.LastRun?.Error is { Length: > 0 } error)
            {
                foreach (var line in Wrap("error: " + error.ReplaceLineEndings(" "), Width - Indent.Length))
                {
                    output.WriteLine(Indent + line);
                }
            }
        }
    }

    private static void WriteRow(TextWriter output, string[] cells, int[] widths) =>
        output.WriteLine(string.Join("  ", cells.Select((cell, i) => i == cells.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            // A single word longer than the line (a URL, a stack frame) is cut rather than overflowing.
            var rest = word;
            while (rest.Length > width)
            {
                if (line.Length > 0)
                {
                    yield return line.ToString();
                    line.Clear();
                }

                yield return rest[..width];
                rest = rest[width..];
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(rest);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    private static string Time(DateTimeOffset? time) =>
        time is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "-";
}
