using System.ComponentModel;
using Hangfire;
using Hangfire.Server;

namespace FeedbackBot.Jobs.Cycles;

/// <summary>Queues every plan's weekly summary, on <c>Jobs:WeeklySummaryCron</c>; each is queued once a week, however often this runs.</summary>
public sealed class WeeklySummaryJob(ICycleLifecycle lifecycle, TimeProvider clock)
{
    [DisplayName("Post the weekly summary of every plan")]
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(PerformContext? context, CancellationToken cancellationToken)
    {
        // The week it was due in, not the one it ran in, when it ran late.
        var firedAt = context?.GetJobParameter<long?>("Time") is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : clock.GetUtcNow();
        return lifecycle.PostWeeklySummariesAsync(firedAt, cancellationToken);
    }
}
