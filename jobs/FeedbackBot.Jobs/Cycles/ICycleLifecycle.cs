namespace FeedbackBot.Jobs.Cycles;

/// <summary>
/// What the scheduled jobs ask of the bot at each step of a plan's cycle. The host implements it with the
/// conversation features and the review engine; every method is idempotent, because a job may run again after a
/// crash or a misfire.
/// </summary>
public interface ICycleLifecycle
{
    /// <summary>
    /// Opens the plan's cycle for the occurrence due at <paramref name="scheduledFor"/>: draws the sample, records
    /// the invitations and queues them in the outbox. Returns the cycle (the one opened before, when this occurrence
    /// was opened already), or null when nothing was opened because the plan is paused or gone.
    /// </summary>
    Task<OpenedCycle?> OpenCycleAsync(Guid planId, DateTimeOffset scheduledFor, CancellationToken cancellationToken);

    /// <summary>
    /// Queues the reminders due now for people of the cycle who have not answered. Returns when the next reminder
    /// falls due, or null when none remain (all sent, or the cycle is closed).
    /// </summary>
    Task<DateTimeOffset?> RemindAsync(Guid cycleId, CancellationToken cancellationToken);

    /// <summary>Closes the cycle, builds its review and queues the summary for the plan's <c>post_to</c> channels.</summary>
    Task CloseCycleAsync(Guid cycleId, CancellationToken cancellationToken);

    /// <summary>
    /// Every cycle still open, with when it closes and when its first reminder falls due, however it was opened. The
    /// scheduler books the steps of any not booked yet (a cycle an import opened), and closes any whose booked close
    /// was lost, so that every open cycle is reminded, closed, reviewed and posted.
    /// </summary>
    Task<IReadOnlyList<OpenedCycle>> OpenCyclesAsync(CancellationToken cancellationToken);

    /// <summary>Queues this week's summary of every plan for its <c>post_to</c> channels.</summary>
    Task PostWeeklySummariesAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>An open cycle: when it closes, when its first reminder is due (null for none), its plan's id for people reading
/// the job list, and whether its steps are booked already.</summary>
public sealed record OpenedCycle(Guid CycleId, DateTimeOffset ClosesAt, DateTimeOffset? FirstReminderAt, string Plan = "", bool StepsBooked = false);
