using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Jobs.Scheduling;

/// <summary>
/// What the scheduler holds and does, read from the shared job store so every instance of the bot (and the command
/// line) sees the same; and the operator's actions: trigger now, pause, resume. Recurring jobs are listed by their
/// ids (a plan's by the plan's id), one-off jobs by Hangfire's number (<c>#12</c>), as the dashboard shows them.
/// </summary>
public sealed class SchedulerOverview(
    JobStorage storage,
    IRecurringJobManagerV2 manager,
    IBackgroundJobClient jobs,
    RecurringJobSync sync,
    CycleRunner runner,
    IDbContextFactory<FeedbackDbContext> contexts,
    IOptions<JobsOptions> options,
    TimeProvider clock)
{
    public const string OperatorPauseReason = "paused by an operator";
    private const int MaxOneOffJobs = 500;

    public async Task<IReadOnlyList<ScheduledJobView>> ListAsync(CancellationToken cancellationToken)
    {
        var (plans, pauses) = await LoadAsync(cancellationToken);
        using var connection = storage.GetConnection();
        var views = new List<ScheduledJobView>();
        foreach (var recurring in connection.GetRecurringJobs().Where(j => !j.Removed))
        {
            var plan = plans.GetValueOrDefault(recurring.Id);
            var pausedBy = pauses.Contains(PauseKey(recurring.Id, plan)) ? PauseRequesters.Operator : plan?.Paused == true ? PauseRequesters.Plan : null;
            var running = recurring.LastJobState == "Processing" && recurring.LastJobId is { } lastId ? ServerOf(connection, lastId) : null;
            views.Add(new ScheduledJobView(
                recurring.Id,
                plan is not null ? $"Open a cycle of {plan.Description}" : SystemDescription(recurring.Id),
                pausedBy is not null ? "paused" : running is not null ? "running" : "scheduled",
                pausedBy,
                plan?.Cron ?? SystemCron(recurring.Id) ?? recurring.Cron,
                recurring.TimeZoneId,
                Utc(recurring.LastExecution),
                pausedBy is null ? Utc(recurring.NextExecution) : null,
                running is null ? [] : [running],
                recurring.LastJobId is { } id && running is null ? LastRun(connection, id) : null));
        }

        var monitoring = storage.GetMonitoringApi();
        foreach (var (id, scheduled) in monitoring.ScheduledJobs(0, MaxOneOffJobs))
        {
            if (scheduled is { InScheduledState: true })
            {
                views.Add(new ScheduledJobView($"#{id}", DisplayName(scheduled.Job), "scheduled", null, "once", null, null, Utc(scheduled.EnqueueAt), [], null));
            }
        }

        foreach (var (id, processing) in monitoring.ProcessingJobs(0, MaxOneOffJobs))
        {
            if (processing is { InProcessingState: true } && connection.GetJobParameter(id, "RecurringJobId") is null)
            {
                views.Add(new ScheduledJobView($"#{id}", DisplayName(processing.Job), "running", null, "once", null, Utc(processing.StartedAt), null, [processing.ServerId], null));
            }
        }

        return [.. views.OrderBy(v => Order(v.Key)).ThenBy(v => v.Key, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Runs a job now. A plan's job opens a cycle from now, as <c>run PLAN now</c> does; a scheduled run that fires
    /// again only finds its occurrence open already.
    /// </summary>
    public async Task<JobActionResult> TriggerAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (OneOffId(key) is { } id)
        {
            return jobs.Requeue(id) ? JobActionResult.Done : JobActionResult.NotFound;
        }

        var (plans, _) = await LoadAsync(cancellationToken);
        if (plans.TryGetValue(key, out var plan))
        {
            await runner.RunNowAsync(plan.PlanId, plan.JobId, cancellationToken);
            return JobActionResult.Done;
        }

        if (!RecurringExists(key))
        {
            return JobActionResult.NotFound;
        }

        manager.TriggerJob(key);
        return JobActionResult.Done;
    }

    public Task<JobActionResult> PauseAsync(string key, CancellationToken cancellationToken) =>
        SetPausedAsync(key, paused: true, cancellationToken);

    public Task<JobActionResult> ResumeAsync(string key, CancellationToken cancellationToken) =>
        SetPausedAsync(key, paused: false, cancellationToken);

    private async Task<JobActionResult> SetPausedAsync(string key, bool paused, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (OneOffId(key) is { } id)
        {
            using var connection = storage.GetConnection();
            return connection.GetJobData(id) is null ? JobActionResult.NotFound : JobActionResult.OnlyRecurring;
        }

        var (plans, _) = await LoadAsync(cancellationToken);
        var plan = plans.GetValueOrDefault(key);
        if (plan is null && !RecurringExists(key))
        {
            return JobActionResult.NotFound;
        }

        var pauseKey = PauseKey(key, plan);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var existing = await db.JobPauses.SingleOrDefaultAsync(p => p.JobId == pauseKey, cancellationToken);
            if (paused && existing is null)
            {
                db.JobPauses.Add(new JobPause { JobId = pauseKey, PausedBy = PauseRequesters.Operator, Reason = OperatorPauseReason, PausedAt = clock.GetUtcNow().UtcDateTime });
            }
            else if (!paused && existing is not null)
            {
                db.JobPauses.Remove(existing);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        await sync.SyncAsync(cancellationToken);
        return JobActionResult.Done;
    }

    private async Task<(Dictionary<string, PlanJobSpec> Plans, HashSet<string> Pauses)> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plans = await PlanSchedules.LoadAsync(db, NullLogger.Instance, cancellationToken);
        var pauses = await db.JobPauses.AsNoTracking().Select(p => p.JobId).ToListAsync(cancellationToken);
        return (plans.ToDictionary(p => p.JobId, StringComparer.Ordinal), [.. pauses]);
    }

    private bool RecurringExists(string key)
    {
        using var connection = storage.GetConnection();
        return connection.GetAllEntriesFromHash($"recurring-job:{key}") is { Count: > 0 };
    }

    private static string PauseKey(string jobId, PlanJobSpec? plan) => plan is null ? jobId : JobIds.PlanPause(plan.PlanId);

    private static string? OneOffId(string key) =>
        key.StartsWith('#') && long.TryParse(key.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out _) ? key[1..] : null;

    private static string? ServerOf(IStorageConnection connection, string jobId) =>
        connection.GetStateData(jobId) is { Name: "Processing" } state && state.Data.TryGetValue("ServerId", out var server) ? server : null;

    private static JobRunView? LastRun(IStorageConnection connection, string jobId)
    {
        var state = connection.GetStateData(jobId);
        var job = connection.GetJobData(jobId);
        if (state is null || job is null)
        {
            return null;
        }

        var outcome = state.Name.ToLowerInvariant();
        var ended = state.Name switch
        {
            "Succeeded" => Instant(state.Data, "SucceededAt"),
            "Failed" => Instant(state.Data, "FailedAt"),
            "Deleted" => Instant(state.Data, "DeletedAt"),
            _ => null,
        };
        return ended is null
            ? new JobRunView(Utc(job.CreatedAt)!.Value, Utc(job.CreatedAt)!.Value, outcome, null, null)
            : new JobRunView(Utc(job.CreatedAt)!.Value, ended.Value, outcome, state.Name == "Failed" && state.Data.TryGetValue("ExceptionMessage", out var message) ? message : null, null);
    }

    private static DateTimeOffset? Instant(IDictionary<string, string> data, string name) =>
        data.TryGetValue(name, out var text) && JobHelper.DeserializeNullableDateTime(text) is { } at ? Utc(at) : null;

    private string? SystemCron(string id) => id switch
    {
        JobIds.PlanSync => Cron.Minutely(),
        JobIds.WeeklySummary => options.Value.WeeklySummaryCron,
        JobIds.PeopleSync => options.Value.PeopleSyncSchedule,
        JobIds.QaRetention => options.Value.QaRetentionSchedule,
        JobIds.ResponseRetention => options.Value.ResponseRetentionSchedule,
        _ => null,
    };

    private static string SystemDescription(string id) => id switch
    {
        JobIds.PlanSync => "Synchronise the plans' jobs and book every open cycle's steps",
        JobIds.WeeklySummary => "Post the weekly summary of every plan",
        JobIds.PeopleSync => "Synchronise the people rosters from Teams and Slack",
        JobIds.QaRetention => "Delete QA evaluations and interactions past each plan's qa_retention_days",
        JobIds.ResponseRetention => "Delete raw answers and comments past each plan's retention_days",
        _ => "A recurring job this bot no longer defines",
    };

    /// <summary>The job's name as the dashboard shows it: its method's display name with the arguments filled in.</summary>
    public static string DisplayName(Job? job)
    {
        if (job is null)
        {
            return "(a job this bot cannot read)";
        }

        var format = job.Method.GetCustomAttribute<DisplayNameAttribute>()?.DisplayName;
        return format is null ? $"{job.Type.Name}.{job.Method.Name}" : string.Format(CultureInfo.InvariantCulture, format, [.. job.Args]);
    }

    private static DateTimeOffset? Utc(DateTime? at) => at is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : null;

    private static int Order(string key) => key.StartsWith(JobIds.SystemPrefix, StringComparison.Ordinal) ? 0 : key.StartsWith('#') ? 2 : 1;
}
