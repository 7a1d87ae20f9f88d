using System.Collections.Concurrent;
using FeedbackBot.Data.Entities;
using FeedbackBot.Jobs.Cycles;
using FeedbackBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Jobs.Tests.Scheduling;

/// <summary>
/// A lifecycle that does what the host's does to the database, idempotently, and counts both how often each step was
/// run and how often it took effect: a cycle opens once per occurrence (its row is unique by plan and start), closes
/// once (a conditional update), and a reminder is recorded once per cycle (as the outbox's unique key would).
/// </summary>
internal sealed class SoakLifecycle(TestDatabase database) : ICycleLifecycle
{
    public static readonly TimeSpan RemindAfter = TimeSpan.FromSeconds(20);
    public static readonly TimeSpan CloseAfter = TimeSpan.FromSeconds(40);

    private readonly ConcurrentDictionary<Guid, byte> _reminded = new();

    public ConcurrentDictionary<DateTimeOffset, int> OpenRuns { get; } = new();
    public ConcurrentDictionary<DateTimeOffset, int> Opened { get; } = new();
    public ConcurrentDictionary<Guid, int> RemindRuns { get; } = new();
    public ConcurrentDictionary<Guid, int> Reminded { get; } = new();
    public ConcurrentDictionary<Guid, int> CloseRuns { get; } = new();
    public ConcurrentDictionary<Guid, int> Closed { get; } = new();

    public async Task<OpenedCycle?> OpenCycleAsync(Guid planId, DateTimeOffset scheduledFor, CancellationToken cancellationToken)
    {
        OpenRuns.AddOrUpdate(scheduledFor, 1, (_, n) => n + 1);
        await using var db = database.CreateContext();
        var startsAt = scheduledFor.UtcDateTime;
        var existing = await db.ReviewCycles.AsNoTracking().SingleOrDefaultAsync(c => c.PlanId == planId && c.StartsAt == startsAt, cancellationToken);
        if (existing is null)
        {
            var version = await db.PlanVersions.Where(v => v.PlanId == planId).Select(v => v.Id).FirstAsync(cancellationToken);
            existing = new ReviewCycle
            {
                Id = Guid.NewGuid(),
                PlanId = planId,
                PlanVersionId = version,
                StartsAt = startsAt,
                EndsAt = startsAt + CloseAfter,
                State = CycleState.Open,
                CreatedAt = DateTime.UtcNow,
            };
            db.ReviewCycles.Add(existing);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                Opened.AddOrUpdate(scheduledFor, 1, (_, n) => n + 1);
            }
            catch (DbUpdateException)
            {
                // Another run of this occurrence opened it first: the unique index keeps one.
                db.ChangeTracker.Clear();
                existing = await db.ReviewCycles.AsNoTracking().SingleAsync(c => c.PlanId == planId && c.StartsAt == startsAt, cancellationToken);
            }
        }

        return new OpenedCycle(existing.Id, scheduledFor + CloseAfter, scheduledFor + RemindAfter, "tick", existing.StepsBookedAt is not null);
    }

    public Task<DateTimeOffset?> RemindAsync(Guid cycleId, CancellationToken cancellationToken)
    {
        RemindRuns.AddOrUpdate(cycleId, 1, (_, n) => n + 1);
        if (_reminded.TryAdd(cycleId, 0))
        {
            Reminded.AddOrUpdate(cycleId, 1, (_, n) => n + 1);
        }

        return Task.FromResult<DateTimeOffset?>(null);
    }

    public async Task CloseCycleAsync(Guid cycleId, CancellationToken cancellationToken)
    {
        CloseRuns.AddOrUpdate(cycleId, 1, (_, n) => n + 1);
        await using var db = database.CreateContext();
        var closed = await db.ReviewCycles
            .Where(c => c.Id == cycleId && c.State == CycleState.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, CycleState.Closed), cancellationToken);
        if (closed == 1)
        {
            Closed.AddOrUpdate(cycleId, 1, (_, n) => n + 1);
        }
    }

    public async Task<IReadOnlyList<OpenedCycle>> OpenCyclesAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var open = await db.ReviewCycles.AsNoTracking().Where(c => c.State == CycleState.Open)
            .Select(c => new { c.Id, c.StartsAt, c.EndsAt, c.StepsBookedAt })
            .ToListAsync(cancellationToken);
        return [.. open.Select(c => new OpenedCycle(c.Id, Utc(c.EndsAt), Utc(c.StartsAt) + RemindAfter, "tick", c.StepsBookedAt is not null))];
    }

    public Task PostWeeklySummariesAsync(DateTimeOffset now, CancellationToken cancellationToken) => Task.CompletedTask;

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
