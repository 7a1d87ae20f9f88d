namespace FeedbackBot.Jobs.Scheduling;

/// <summary>One job as an operator sees it: its trigger, its timing and how its last run went.</summary>
/// <param name="Key">The recurring job's id (<c>staff-pulse</c>, <c>system.plan-sync</c>) or a one-off job's number (<c>#12</c>), which the command line accepts.</param>
/// <param name="Description">What the job does, and for which plan or cycle.</param>
/// <param name="State">scheduled, running or paused.</param>
/// <param name="PausedBy">Who paused it (<see cref="PauseRequesters"/>), when paused.</param>
/// <param name="Schedule">The cron expression as written (five fields), or "once" for a one-off job.</param>
/// <param name="TimeZone">The zone the cron is read in.</param>
/// <param name="PreviousFireTime">When the job last fired (a one-off job: when it started).</param>
/// <param name="NextFireTime">When it fires next; null when it will not.</param>
/// <param name="RunningOn">The Hangfire servers running it now, across the instances; empty when idle.</param>
/// <param name="LastRun">How its last run ended; null when it has not run.</param>
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
/// <param name="Outcome">succeeded, failed, deleted, or the state the run is in (enqueued, scheduled for a retry).</param>
/// <param name="Error">The failure's message, when it failed.</param>
/// <param name="Instance">The server that ran it, when known.</param>
public sealed record JobRunView(DateTimeOffset StartedAt, DateTimeOffset EndedAt, string Outcome, string? Error, string? Instance);

/// <summary>The result of an operator's action on a job.</summary>
public enum JobActionResult
{
    Done,
    NotFound,

    /// <summary>Pausing a one-off job: only recurring jobs have a schedule to hold.</summary>
    OnlyRecurring,
}
