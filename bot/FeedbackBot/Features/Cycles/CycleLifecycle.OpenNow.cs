using FeedbackBot.Core.Serialization;
using FeedbackBot.Data.Entities;
using FeedbackBot.Jobs.Cycles;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Cycles;

internal sealed partial class CycleLifecycle
{
    /// <summary>
    /// The plan's cycle open now, or a new one from now for the plan's cycle length, with nobody invited: for
    /// <c>links create</c>, whose links are handed out by other means. The cycle is the same kind as a scheduled one:
    /// the caller books its reminders and close from what this returns, exactly as the open job does. Null when the
    /// plan is paused or gone.
    /// </summary>
    public async Task<(OpenedCycle Cycle, bool Opened)?> OpenNowAsync(Guid planId, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null || plan.State != PlanState.Active)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var cycle = await db.ReviewCycles
            .Where(c => c.PlanId == planId && c.State == CycleState.Open && c.StartsAt <= now && c.EndsAt > now)
            .OrderByDescending(c => c.StartsAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (cycle is not null)
        {
            return (Opened(cycle, await DefinitionAsync(cycle.PlanVersionId, cancellationToken)), false);
        }

        var version = await db.PlanVersions.SingleAsync(v => v.PlanId == plan.Id && v.Number == plan.CurrentVersion, cancellationToken);
        var definition = PlanJson.Deserialize(version.Definition);
        cycle = NewCycle(plan, version, definition, now, now);
        db.ReviewCycles.Add(cycle);
        await db.SaveChangesAsync(cancellationToken);
        if (log.IsEnabled(LogLevel.Information))
        {
            log.LogInformation("Opened a cycle of {Plan} for survey links, until {EndsAt:u}", plan.Key, cycle.EndsAt);
        }

        return (Opened(cycle, definition), true);
    }
}
