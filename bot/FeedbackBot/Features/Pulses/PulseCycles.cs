using System.Collections.Concurrent;
using FeedbackBot.Data;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Pulses;

/// <summary>
/// What the answer path needs to know of a cycle that never changes once the cycle exists (its tenant, plan version
/// and window), read once per process rather than on every answer: a pulse's answers all name the same cycle. Whether
/// the cycle is still open does change, so it is not kept here; the writer checks it in the transaction that stores
/// the answer.
/// </summary>
internal sealed class PulseCycles
{
    // Far more cycles than one installation has open at once; past it the cache starts again rather than grow.
    private const int Capacity = 1024;

    private readonly ConcurrentDictionary<Guid, PulseCycle> _known = new();

    /// <summary>The cycle, or null when there is none with that id (not remembered: it may be created later).</summary>
    public async Task<PulseCycle?> GetAsync(FeedbackDbContext db, Guid cycleId, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(cycleId, out var known))
        {
            return known;
        }

        var found = await (from c in db.ReviewCycles.AsNoTracking()
                           join p in db.Plans on c.PlanId equals p.Id
                           where c.Id == cycleId
                           select new PulseCycle(c.Id, p.TenantId, c.PlanVersionId, c.StartsAt, c.EndsAt))
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        if (_known.Count >= Capacity)
        {
            _known.Clear();
        }

        return _known.GetOrAdd(cycleId, found);
    }
}

/// <summary>A cycle's fixed facts: whose it is, the plan version it asks, and its window (start inclusive, end exclusive, UTC).</summary>
internal sealed record PulseCycle(Guid Id, Guid TenantId, Guid PlanVersionId, DateTime StartsAt, DateTime EndsAt);
