using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FeedbackBot.Jobs.Scheduling;

/// <summary>Reads every tenant's plans and derives the open-cycle trigger each scheduled plan should have.</summary>
public static class PlanSchedules
{
    public static async Task<IReadOnlyList<PlanTriggerSpec>> LoadAsync(FeedbackDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Plans.AsNoTracking()
            .Select(p => new
            {
                p.Id,
                p.Key,
                p.State,
                Tenant = p.Tenant!.Name,
                Definition = p.Versions.Where(v => v.Number == p.CurrentVersion).Select(v => v.Definition).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var specs = new List<PlanTriggerSpec>();
        foreach (var row in rows.OrderBy(r => r.Id))
        {
            if (row.Definition is null || PlanJson.Deserialize(row.Definition).Schedule is not { } schedule)
            {
                continue;
            }

            if (Derive(row.Id, $"plan {row.Key} of {row.Tenant}", schedule, row.State) is { } spec)
            {
                specs.Add(spec);
            }
            else
            {
                // Plans are checked when applied; this only happens if the machine lacks a zone another one had.
                logger.LogWarning("Plan {Plan} of {Tenant} has a schedule this machine cannot read ({Cron}, {TimeZone}); it gets no trigger",
                    row.Key, row.Tenant, schedule.Cron, schedule.TimeZone);
            }
        }

        return specs;
    }

    /// <summary>The trigger a plan's schedule asks for; null when the cron or the zone cannot be read here.</summary>
    public static PlanTriggerSpec? Derive(Guid planId, string description, PlanSchedule schedule, PlanState state)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (!CronSchedule.TryParse(schedule.Cron, out var cron, out _) ||
            !TimeZoneInfo.TryFindSystemTimeZoneById(schedule.TimeZone, out var zone))
        {
            return null;
        }

        return new PlanTriggerSpec(planId, description, schedule.Cron.Trim(), cron.ToQuartzExpression(), zone, state == PlanState.Paused);
    }
}
