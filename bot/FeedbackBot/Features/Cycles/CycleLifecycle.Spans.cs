using FeedbackBot.Infrastructure.Telemetry;
using FeedbackBot.Jobs.Cycles;

namespace FeedbackBot.Features.Cycles;

/// <summary>
/// The steps the scheduled jobs call, each in a span of its own: a job starts with no request around it, so its span
/// begins the trace that its database calls, its review and its outbox rows belong to.
/// </summary>
internal sealed partial class CycleLifecycle
{
    public Task<OpenedCycle?> OpenCycleAsync(Guid planId, DateTimeOffset scheduledFor, CancellationToken cancellationToken) =>
        BotTelemetry.InSpanAsync("cycle.open", span =>
        {
            span?.SetTag("feedbackbot.plan.id", planId.ToString("D"));
            return OpenAsync(planId, scheduledFor, cancellationToken);
        });

    public Task<DateTimeOffset?> RemindAsync(Guid cycleId, CancellationToken cancellationToken) =>
        BotTelemetry.InSpanAsync("cycle.remind", span =>
        {
            span?.SetTag("feedbackbot.cycle.id", cycleId.ToString("D"));
            return RemindAsync(cycleId, retried: false, cancellationToken);
        });

    public Task CloseCycleAsync(Guid cycleId, CancellationToken cancellationToken) =>
        BotTelemetry.InSpanAsync("cycle.close", async span =>
        {
            span?.SetTag("feedbackbot.cycle.id", cycleId.ToString("D"));
            await CloseAsync(cycleId, cancellationToken);
            return true;
        });

    public Task PostWeeklySummariesAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        BotTelemetry.InSpanAsync("cycle.weekly_summary", async _ =>
        {
            await QueueWeeklySummariesAsync(now, cancellationToken);
            return true;
        });
}
