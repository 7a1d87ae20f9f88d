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
    private readonly UnchangingRows<PulseCycle> _known = new(capacity: 1024);

    /// <summary>The cycle, or null when there is none with that id.</summary>
    public Task<PulseCycle?> GetAsync(FeedbackDbContext db, Guid cycleId, CancellationToken cancellationToken) =>
        _known.GetAsync(cycleId, () =>
            (from c in db.ReviewCycles.AsNoTracking()
             join p in db.Plans on c.PlanId equals p.Id
             where c.Id == cycleId
             select new PulseCycle(c.Id, p.TenantId, c.PlanVersionId, c.StartsAt, c.EndsAt))
            .SingleOrDefaultAsync(cancellationToken));
}

/// <summary>A cycle's fixed facts: whose it is, the plan version it asks, and its window (start inclusive, end exclusive, UTC).</summary>
internal sealed record PulseCycle(Guid Id, Guid TenantId, Guid PlanVersionId, DateTime StartsAt, DateTime EndsAt);
