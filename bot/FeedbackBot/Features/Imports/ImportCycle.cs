using FeedbackBot.CommandLine;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Cycles;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Imports;

/// <summary>
/// The review cycle imported responses go into: the plan's cycle with exactly these dates if there is one, else a new
/// one under the plan's current version, closed if its window is already over and open otherwise. A new cycle is
/// only stored when the rows are.
/// </summary>
internal sealed record ImportCycle(Guid Id, Guid PlanVersionId, DateTime StartsAt, DateTime EndsAt, CycleState State, bool IsNew)
{
    public string Window => ImportValues.Window(StartsAt, EndsAt);

    /// <exception cref="UsageException">The dates overlap another cycle of the plan without being that cycle's dates.</exception>
    public static async Task<ImportCycle> FindOrPlanAsync(
        FeedbackDbContext db, ImportPlan plan, CycleDates dates, DateTime now, CancellationToken cancellationToken)
    {
        var startsAt = dates.StartsAt;
        var endsAt = dates.EndsAt;
        var overlapping = await db.ReviewCycles.AsNoTracking()
            .Where(c => c.PlanId == plan.Entity.Id && c.StartsAt < endsAt && c.EndsAt > startsAt)
            .OrderBy(c => c.StartsAt)
            .ToListAsync(cancellationToken);
        var same = overlapping.SingleOrDefault(c => c.StartsAt == startsAt && c.EndsAt == endsAt);
        if (same is not null)
        {
            return new ImportCycle(same.Id, same.PlanVersionId, same.StartsAt, same.EndsAt, same.State, IsNew: false);
        }

        if (overlapping.Count > 0)
        {
            var other = overlapping[0];
            throw new UsageException(
                $"Plan '{plan.Key}' already has a cycle {ImportValues.Window(other.StartsAt, other.EndsAt)}, which overlaps --cycle {dates}; " +
                "import into that cycle with its exact dates, or choose dates that do not overlap it.");
        }

        return new ImportCycle(Guid.NewGuid(), plan.CurrentVersionId, startsAt, endsAt, endsAt <= now ? CycleState.Closed : CycleState.Open, IsNew: true);
    }

    public ReviewCycle ToEntity(Guid planId, DateTime now) => new()
    {
        Id = Id,
        PlanId = planId,
        PlanVersionId = PlanVersionId,
        StartsAt = StartsAt,
        EndsAt = EndsAt,
        State = State,
        CreatedAt = now,
    };
}
