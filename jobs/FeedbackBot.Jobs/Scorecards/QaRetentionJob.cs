using System.ComponentModel;
using Hangfire;

namespace FeedbackBot.Jobs.Scorecards;

/// <summary>
/// Deletes QA evaluations and monitored interactions past each plan's <c>qa_retention_days</c>, on
/// <c>Qa:RetentionSchedule</c> (daily unless set otherwise). A repeat is harmless: what was deleted is gone, and what
/// is left is younger than the cutoff.
/// </summary>
public sealed class QaRetentionJob(IQaRetention retention)
{
    [DisplayName("Delete QA evaluations and interactions past each plan's qa_retention_days")]
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(CancellationToken cancellationToken) => retention.PurgeAllAsync(cancellationToken);
}
