using System.Diagnostics.Metrics;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Infrastructure.Telemetry;

/// <summary>
/// <c>feedbackbot.outbox.depth</c> and <c>feedbackbot.outbox.oldest_age</c>: how many messages wait to be sent and how
/// long the oldest has waited. Read from the database every <see cref="ReadInterval"/>, not at each collection, so
/// however often a collector scrapes, the database answers one indexed count and one row twice a minute. Registered
/// only with telemetry on.
/// </summary>
internal sealed class OutboxGauges : BackgroundService
{
    public static readonly TimeSpan ReadInterval = TimeSpan.FromSeconds(30);

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ILogger<OutboxGauges> _log;
    private readonly Meter _meter;

    // Null until the first read: a gauge that reports nothing is honest; a zero before anything was read is not.
    private Snapshot? _last;

    public OutboxGauges(IServiceScopeFactory scopes, IMeterFactory meters, TimeProvider clock, ILogger<OutboxGauges> log)
    {
        _scopes = scopes;
        _clock = clock;
        _log = log;
        _meter = meters.Create(BotTelemetry.Name);
        _meter.CreateObservableGauge("feedbackbot.outbox.depth", () => Read(s => (long)s.Depth), "{message}", "Outbox messages waiting to be sent or being sent.");
        _meter.CreateObservableGauge("feedbackbot.outbox.oldest_age", () => Read(s => s.OldestAge.TotalSeconds), "s", "How long the oldest message waiting in the outbox has waited.");
    }

    public override void Dispose()
    {
        _meter.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                try
                {
                    _last = await ReadAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The readiness check reports a database that is away; one line here is enough.
                    _log.LogWarning("Could not read the outbox depth for telemetry: {Reason}", e.Message);
                }

                await Task.Delay(ReadInterval, _clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private IEnumerable<Measurement<T>> Read<T>(Func<Snapshot, T> value)
        where T : struct =>
        _last is { } last ? [new Measurement<T>(value(last))] : [];

    private async Task<Snapshot> ReadAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        var waiting = db.Outbox.AsNoTracking().Where(m => m.State == OutboxState.Pending || m.State == OutboxState.Sending);
        var depth = await waiting.CountAsync(cancellationToken);
        var oldest = depth == 0
            ? (DateTime?)null
            : await waiting.OrderBy(m => m.CreatedAt).Select(m => (DateTime?)m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var now = _clock.GetUtcNow().UtcDateTime;
        return new Snapshot(depth, oldest is { } at && at < now ? now - at : TimeSpan.Zero);
    }

    private sealed record Snapshot(int Depth, TimeSpan OldestAge);
}
