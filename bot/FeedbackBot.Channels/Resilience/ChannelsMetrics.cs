using System.Diagnostics.Metrics;

namespace FeedbackBot.Channels.Resilience;

/// <summary>
/// What the platforms refused and how long they asked the bot to wait, on the <c>FeedbackBot.Channels</c> meter; the
/// telemetry exports every meter named <c>FeedbackBot*</c>. Static, as the platforms' clients are one per process.
/// </summary>
public static class ChannelsMetrics
{
    public const string MeterName = "FeedbackBot.Channels";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Refusals = Meter.CreateCounter<long>(
        "feedbackbot.outbound.refusals", unit: "{response}", description: "Answers of Teams or Slack that refused a call for now (429, 412, 5xx).");

    private static readonly Histogram<double> RetryAfterWaits = Meter.CreateHistogram<double>(
        "feedbackbot.outbound.retry_after_wait", unit: "s", description: "The waits a platform asked for with Retry-After.");

    public static void RecordRefusal(string platform, int status) =>
        Refusals.Add(1, new KeyValuePair<string, object?>("platform", platform), new KeyValuePair<string, object?>("status", status));

    public static void RecordRetryAfter(string platform, TimeSpan wait) =>
        RetryAfterWaits.Record(wait.TotalSeconds, new KeyValuePair<string, object?>("platform", platform));
}
