namespace FeedbackBot.Jobs.Scheduling;

/// <summary>One job as an operator sees it: its trigger, its timing and how its last run went.</summary>
/// <param name="Key">The job's key as <c>group.name</c>, which the command line and the admin page accept.</param>
/// <param name="Description">What the job does, and for which plan or cycle.</param>
/// <param name="State">The trigger's state: normal, paused, blocked (running, and not allowed to overlap), error, complete or none.</param>
/// <param name="PausedBy">Who paused it (<see cref="PauseRequesters"/>), when paused.</param>
/// <param name="Schedule">The cron expression as written (five fields), or "once" for a one-shot trigger.</param>
/// <param name="TimeZone">The zone the cron is read in.</param>
/// <param name="PreviousFireTime">When a trigger of the job last fired.</param>
/// <param name="NextFireTime">When it fires next; null when it will not.</param>
/// <param name="RunningOn">The scheduler instances running it now, across the cluster; empty when idle.</param>
/// <param name="LastRun">The last finished run, from the store's run history; null when it has not run.</param>
public sealed record ScheduledJobView(
    string Key,
    string Description,
    string State,
    string? PausedBy,
    string Schedule,
    string? TimeZone,
    DateTimeOffset? PreviousFireTime,
    DateTimeOffset? NextFireTime,
    IReadOnlyList<string> RunningOn,
    JobRunView? LastRun)
{
    public bool Running => RunningOn.Count > 0;
}

/// <summary>How a job's last run went.</summary>
/// <param name="StartedAt">When it started.</param>
/// <param name="EndedAt">When it ended.</param>
/// <param name="Outcome">succeeded, failed, cancelled or skipped.</param>
/// <param name="Error">The failure's message, when it failed.</param>
/// <param name="Instance">The scheduler instance that ran it.</param>
public sealed record JobRunView(DateTimeOffset StartedAt, DateTimeOffset EndedAt, string Outcome, string? Error, string? Instance);

/// <summary>The result of an operator's action on a job.</summary>
public enum JobActionResult
{
    Done,
    NotFound,
}
