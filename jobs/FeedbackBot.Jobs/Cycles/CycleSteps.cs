using FeedbackBot.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Jobs.Cycles;

/// <summary>
/// Books the one-off steps of an open cycle as Hangfire delayed jobs: its close, and its reminders one after another.
/// A cycle is booked once, by a conditional update of its row, however many jobs or instances try at the same moment.
/// </summary>
public sealed class CycleSteps(IBackgroundJobClient jobs, IDbContextFactory<FeedbackDbContext> contexts, TimeProvider clock)
{
    /// <summary>Books the close and first reminder of a cycle not booked yet; false when it was booked before.</summary>
    public async Task<bool> BookAsync(OpenedCycle opened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opened);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.ReviewCycles
            .Where(c => c.Id == opened.CycleId && c.StepsBookedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.StepsBookedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        // A time already past (a cycle an import opened in dates that have ended) is due at once.
        jobs.Schedule<CloseCycleJob>(job => job.RunAsync(opened.CycleId, opened.Plan, CancellationToken.None), opened.ClosesAt);
        if (opened.FirstReminderAt is { } remindAt)
        {
            Remind(opened.CycleId, opened.Plan, remindAt);
        }

        return true;
    }

    /// <summary>How often a cycle still open past its close may be closed again, so a close that keeps failing is not
    /// queued again every minute on top of its own retries.</summary>
    public static readonly TimeSpan RescueInterval = TimeSpan.FromHours(1);

    /// <summary>
    /// Closes now a cycle whose booked close was lost (see <see cref="Scheduling.PlanSyncJob"/>), at most once an hour
    /// per cycle, by whoever moves its booking time on first; false when another did within the hour.
    /// </summary>
    public async Task<bool> CloseNowAsync(OpenedCycle open, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(open);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var before = now - RescueInterval;
        var claimed = await db.ReviewCycles
            .Where(c => c.Id == open.CycleId && c.StepsBookedAt != null && c.StepsBookedAt < before)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.StepsBookedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        jobs.Enqueue<CloseCycleJob>(job => job.RunAsync(open.CycleId, open.Plan, CancellationToken.None));
        return true;
    }

    public void Remind(Guid cycleId, string plan, DateTimeOffset at) =>
        jobs.Schedule<RemindJob>(job => job.RunAsync(cycleId, plan, CancellationToken.None), at);
}
