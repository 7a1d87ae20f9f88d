using FeedbackBot.CommandLine;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Reviews;
using FeedbackBot.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Imports;

/// <summary>The plan an import is for, with its tenant and its current version.</summary>
internal sealed record ImportPlan(Tenant Tenant, Plan Entity, Guid CurrentVersionId, MeasurementPlan Current)
{
    public string Key => Entity.Key;

    /// <exception cref="UsageException">The tenant has no plan with that id.</exception>
    public static async Task<ImportPlan> FindAsync(FeedbackDbContext db, TenantSelector selector, string key, CancellationToken cancellationToken)
    {
        var tenant = await selector.FindAsync(db, cancellationToken);
        var plan = tenant is null
            ? null
            : await db.FindPlanAsync(tenant.Id, key, cancellationToken);
        if (tenant is null || plan is null)
        {
            throw new UsageException(
                $"No plan '{key}' in tenant {selector}; see 'feedbackbot plans list', or apply the plan first with 'feedbackbot plans apply FILE.yaml'.");
        }

        var current = await db.PlanVersions.AsNoTracking()
            .Where(v => v.PlanId == plan.Id && v.Number == plan.CurrentVersion)
            .Select(v => new { v.Id, v.Definition })
            .SingleAsync(cancellationToken);
        return new ImportPlan(tenant, plan, current.Id, PlanJson.Deserialize(current.Definition));
    }
}
