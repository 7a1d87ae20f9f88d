namespace FeedbackBot.Data.Entities;

/// <summary>
/// A scheduled job an operator paused (<c>feedbackbot jobs pause</c> or the dashboard), kept in the bot's own tables
/// because Hangfire has no paused state for a recurring job: while a row is here the job is held with a schedule that
/// never fires. A paused plan needs no row; its state says so.
/// </summary>
public sealed class JobPause
{
    /// <summary><c>plan:{plan id}</c> for a plan's open-cycle job, else the recurring job's id (<c>system.weekly-summary</c>).</summary>
    public required string JobId { get; set; }

    /// <summary>Who asked: <c>operator</c>.</summary>
    public required string PausedBy { get; set; }

    public string? Reason { get; set; }

    public DateTime PausedAt { get; set; }
}
