using System.Text.Json;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Plans;

/// <summary>
/// Stores parsed plans in one transaction: a new plan becomes version 1, a changed plan gets the next version, and
/// a plan whose content is identical to its current version is left alone. Old versions are never modified, so
/// cycles that ran under them keep their questions.
/// </summary>
internal static class ApplyPlans
{
    public static async Task<IReadOnlyList<PlanApplyOutcome>> ApplyAsync(
        FeedbackDbContext db,
        Tenant tenant,
        IReadOnlyList<(MeasurementPlan Plan, string Source)> plans,
        DateTime now,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var outcomes = new List<PlanApplyOutcome>();
        foreach (var (plan, source) in plans)
        {
            outcomes.Add(await ApplyOneAsync(db, tenant, plan, source, now, cancellationToken));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcomes;
    }

    private static async Task<PlanApplyOutcome> ApplyOneAsync(
        FeedbackDbContext db, Tenant tenant, MeasurementPlan plan, string source, DateTime now, CancellationToken cancellationToken)
    {
        var hash = PlanJson.ContentHash(plan);
        var existing = await db.Plans.SingleOrDefaultAsync(p => p.TenantId == tenant.Id && p.Key == plan.Id, cancellationToken);
        if (existing is null)
        {
            existing = new Plan
            {
                Id = Guid.NewGuid(),
                TenantId = tenant.Id,
                Key = plan.Id,
                State = PlanState.Active,
                CurrentVersion = 1,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Plans.Add(existing);
            db.PlanVersions.Add(CreateVersion(existing, 1, plan, hash, source, now));
            Audit(db, tenant, plan, 1, "created", source, now);
            return new PlanApplyOutcome(plan.Id, 1, PlanApplyKind.Created, source);
        }

        var currentHash = await db.PlanVersions
            .Where(v => v.PlanId == existing.Id && v.Number == existing.CurrentVersion)
            .Select(v => v.ContentHash)
            .SingleAsync(cancellationToken);
        if (currentHash == hash)
        {
            return new PlanApplyOutcome(plan.Id, existing.CurrentVersion, PlanApplyKind.Unchanged, source);
        }

        var number = existing.CurrentVersion + 1;
        existing.CurrentVersion = number;
        existing.UpdatedAt = now;
        db.PlanVersions.Add(CreateVersion(existing, number, plan, hash, source, now));
        Audit(db, tenant, plan, number, "new version", source, now);
        return new PlanApplyOutcome(plan.Id, number, PlanApplyKind.Updated, source);
    }

    /// <summary>Only the command line applies plans; the file's name says which file, its folder is the operator's own.</summary>
    private static void Audit(FeedbackDbContext db, Tenant tenant, MeasurementPlan plan, int version, string what, string source, DateTime now) =>
        AuditTrail.Add(db, tenant.Id, now, AuditTrail.CommandLine, AuditTrail.PlanApplied, $"plan:{plan.Id}",
            $"version {version.ToString(System.Globalization.CultureInfo.InvariantCulture)} ({what}) from {Path.GetFileName(source)}");

    private static PlanVersion CreateVersion(Plan owner, int number, MeasurementPlan plan, string hash, string source, DateTime now)
    {
        var version = new PlanVersion
        {
            Id = Guid.NewGuid(),
            PlanId = owner.Id,
            Number = number,
            Name = plan.Name,
            Definition = PlanJson.Serialize(plan),
            ContentHash = hash,
            SourceFile = source.Length <= 500 ? source : source[^500..],
            CreatedAt = now,
        };
        for (var i = 0; i < plan.Questions.Count; i++)
        {
            var question = plan.Questions[i];
            version.Questions.Add(new PlanQuestion
            {
                Id = Guid.NewGuid(),
                PlanVersionId = version.Id,
                Key = question.Id,
                Ordinal = i,
                Text = question.Text,
                Type = question.Type,
                Feature = question.Feature,
                Required = question.Required,
                Audience = question.Audience,
                Options = JsonSerializer.Serialize(question.Options),
            });
        }

        return version;
    }
}
