using System.Diagnostics.Metrics;
using FeedbackBot.Data.Entities;

namespace FeedbackBot.Jobs.Outbox;

/// <summary>Counts outbox outcomes on the <c>FeedbackBot.Outbox</c> meter, so operators see sends, retries and losses.</summary>
public sealed class OutboxMetrics : IDisposable
{
    public const string MeterName = "FeedbackBot.Outbox";

    private readonly Meter _meter;
    private readonly Counter<long> _completed;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _uncertain;

    public OutboxMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(MeterName);
        _completed = _meter.CreateCounter<long>("feedbackbot.outbox.completed", description: "Messages whose send ended: sent, unreachable or not needed.");
        _failures = _meter.CreateCounter<long>("feedbackbot.outbox.failures", description: "Sends that threw: retried later, or given up.");
        _uncertain = _meter.CreateCounter<long>("feedbackbot.outbox.uncertain", description: "Messages whose send was cut off, never sent again.");
    }

    public void Completed(OutboxKind kind, OutboxSendResult result) =>
        _completed.Add(1, new("kind", kind.ToString()), new("result", result.ToString()));

    public void Failed(OutboxKind kind, bool gaveUp) =>
        _failures.Add(1, new("kind", kind.ToString()), new("gave_up", gaveUp));

    public void Uncertain(int count) => _uncertain.Add(count);

    public void Dispose() => _meter.Dispose();
}
