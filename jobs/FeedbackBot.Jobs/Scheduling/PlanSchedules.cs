using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FeedbackBot.Jobs.Scheduling;

/// <summary>Reads every tenant's plans and derives the recurring open-cycle job each scheduled plan should have.</summary>
public static class PlanSchedules
{
    public static async Task<IReadOnlyList<PlanJobSpec>> LoadAsync(FeedbackDbContext db, ILogger logger, CancellationToken cancellationToken)
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

        var shared = rows.GroupBy(r => r.Key, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var specs = new List<PlanJobSpec>();
        foreach (var row in rows.OrderBy(r => r.Id))
        {
            if (row.Definition is null || PlanJson.Deserialize(row.Definition).Schedule is not { } schedule)
            {
                continue;
            }

            if (Derive(row.Id, JobIds.ForPlan(row.Key, row.Tenant, shared.Contains(row.Key)), $"plan {row.Key} of {row.Tenant}", schedule, row.State) is { } spec)
            {
                specs.Add(spec);
            }
            else
            {
                // Plans are checked when applied; this only happens if the machine lacks a zone another one had.
                logger.LogWarning("Plan {Plan} of {Tenant} has a schedule this machine cannot read ({Cron}, {TimeZone}); it gets no job",
                    row.Key, row.Tenant, schedule.Cron, schedule.TimeZone);
            }
        }

        return specs;
    }

    /// <summary>The job a plan's schedule asks for; null when the cron or the zone cannot be read here.</summary>
    public static PlanJobSpec? Derive(Guid planId, string jobId, string description, PlanSchedule schedule, PlanState state)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (!CronSchedule.TryParse(schedule.Cron, out _, out _) ||
            !TimeZoneInfo.TryFindSystemTimeZoneById(schedule.TimeZone, out var zone))
        {
            return null;
        }

        return new PlanJobSpec(planId, jobId, description, schedule.Cron.Trim(), zone, state == PlanState.Paused);
    }
}
