using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Jobs.Tests.Cycles;

/// <summary>
/// Open cycles written straight into a test database. The scheduler books a cycle's steps by updating its row, so a
/// test whose lifecycle makes cycles up must store a row for each one it returns.
/// </summary>
internal static class StoredCycles
{
    /// <summary>Stores an open cycle of the plan under its current version; booked when <paramref name="bookedAt"/> is given.</summary>
    public static async Task<Guid> AddAsync(FeedbackDbContext db, Guid planId, DateTimeOffset startsAt, DateTimeOffset? bookedAt = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var version = await db.PlanVersions.AsNoTracking()
            .Where(v => v.PlanId == planId && v.Number == db.Plans.Where(p => p.Id == planId).Select(p => p.CurrentVersion).First())
            .Select(v => v.Id)
            .SingleAsync();
        var cycle = new ReviewCycle
        {
            Id = Guid.NewGuid(),
            PlanId = planId,
            PlanVersionId = version,
            StartsAt = startsAt.UtcDateTime,
            EndsAt = startsAt.UtcDateTime.AddDays(7),
            State = CycleState.Open,
            StepsBookedAt = bookedAt?.UtcDateTime,
            CreatedAt = startsAt.UtcDateTime,
        };
        db.ReviewCycles.Add(cycle);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return cycle.Id;
    }

    /// <summary>Whether the scheduler has booked the cycle's close and first reminder.</summary>
    public static async Task<bool> IsBookedAsync(FeedbackDbContext db, Guid cycleId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.ReviewCycles.AsNoTracking().AnyAsync(c => c.Id == cycleId && c.StepsBookedAt != null);
    }
}
