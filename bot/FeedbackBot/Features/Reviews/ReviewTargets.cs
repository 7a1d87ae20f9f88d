using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Cycles;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Reviews;

/// <summary>
/// What a review is of: a plan named by its key, which is unique only within a tenant, and one of its cycles. The
/// command line, imports and chat all name plans this way, so they share one lookup and can never find a plan of
/// another tenant.
/// </summary>
internal static class ReviewTargets
{
    /// <summary>The tenant's plan with this key, read-only; null when the tenant has none.</summary>
    public static Task<Plan?> FindPlanAsync(this FeedbackDbContext db, Guid tenantId, string key, CancellationToken cancellationToken) =>
        db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.TenantId == tenantId && p.Key == key, cancellationToken);

    /// <summary>
    /// The plan's cycle with these dates or, without dates, its latest cycle that has ended (closed, or past its end
    /// and not closed yet); null when there is none.
    /// </summary>
    public static async Task<ReviewCycle?> FindCycleAsync(
        this FeedbackDbContext db, Guid planId, CycleDates? dates, DateTime now, CancellationToken cancellationToken)
    {
        var cycles = db.ReviewCycles.AsNoTracking().Where(c => c.PlanId == planId);
        // A cycle still open has only its first answers: reviewing one is a deliberate choice, named by its dates.
        return dates is null
            ? await cycles.Where(c => c.State != CycleState.Open || c.EndsAt <= now).OrderByDescending(c => c.StartsAt).FirstOrDefaultAsync(cancellationToken)
            : await cycles.SingleOrDefaultAsync(c => c.StartsAt == dates.StartsAt && c.EndsAt == dates.EndsAt, cancellationToken)
              // A cycle opened at a time of day (a schedule, start pulse) is named by the dates it covers.
              ?? (await cycles.ToListAsync(cancellationToken))
                  .Where(c => CycleDates.Describe(c.StartsAt, c.EndsAt) == dates.ToString())
                  .OrderByDescending(c => c.StartsAt)
                  .FirstOrDefault();
    }
}
