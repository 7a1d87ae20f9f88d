using System.ComponentModel;
using Hangfire;

namespace FeedbackBot.Jobs.Cycles;

/// <summary>Queues every plan's weekly summary, on <c>Jobs:WeeklySummaryCron</c>; each is queued once a week, however often this runs.</summary>
public sealed class WeeklySummaryJob(ICycleLifecycle lifecycle, TimeProvider clock)
{
    [DisplayName("Post the weekly summary of every plan")]
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(CancellationToken cancellationToken) =>
        lifecycle.PostWeeklySummariesAsync(clock.GetUtcNow(), cancellationToken);
}
