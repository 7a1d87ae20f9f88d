using System.ComponentModel;
using FeedbackBot.Jobs.Cycles;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace FeedbackBot.Jobs.Scheduling;

/// <summary>
/// Every minute: brings the recurring jobs in line with the plans in the database, so a plan applied, paused or
/// resumed by another process takes effect within a minute; books the close and reminders of any open cycle not
/// booked yet (one an import opened, or one open when the bot moved from Quartz); and closes a cycle whose booked
/// close was lost (at most once an hour while it stays open), so that no cycle stays open for ever, however it was
/// opened.
/// </summary>
public sealed class PlanSyncJob(RecurringJobSync sync, ICycleLifecycle lifecycle, CycleSteps steps, TimeProvider clock, ILogger<PlanSyncJob> logger)
{
    /// <summary>How long past its close a booked cycle may still be open before its close is taken as lost.</summary>
    public static readonly TimeSpan LostCloseGrace = TimeSpan.FromMinutes(5);

    [DisplayName("Synchronise the plans' jobs and book every open cycle's steps")]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await sync.SyncAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var adopted = 0;
        foreach (var open in await lifecycle.OpenCyclesAsync(cancellationToken))
        {
            if (!open.StepsBooked)
            {
                adopted += await steps.BookAsync(open, cancellationToken) ? 1 : 0;
            }
            else if (open.ClosesAt + LostCloseGrace < now)
            {
                await steps.CloseNowAsync(open, cancellationToken);
            }
        }

        if (adopted > 0 && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("{Count} open cycle(s) given their close and reminders", adopted);
        }
    }
}
