using System.ComponentModel;
using Hangfire;

namespace FeedbackBot.Jobs.Retention;

/// <summary>
/// Deletes the raw responses of cycles closed longer ago than their plan's <c>retention_days</c>, on
/// <c>Retention:Schedule</c> (daily unless set otherwise). A repeat is harmless: what was deleted is gone, and what is
/// left is younger than the cutoff.
/// </summary>
public sealed class ResponseRetentionJob(IResponseRetention retention)
{
    [DisplayName("Delete raw answers and comments past each plan's retention_days")]
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(CancellationToken cancellationToken) => retention.PurgeAllAsync(cancellationToken);
}
