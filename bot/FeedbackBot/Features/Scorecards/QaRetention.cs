using System.Globalization;
using System.Text.Json;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Jobs.Scheduling;
using FeedbackBot.Jobs.Scorecards;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Scorecards;

/// <summary>
/// Enforces each plan's <c>qa_retention_days</c>: its evaluations evaluated longer ago than that are deleted with their
/// answers and coaching actions, and so is the tenant's interaction log once every QA plan of the tenant lets it go.
/// Each deletion is written to the audit trail as counts only, so the trail keeps no name the deletion removed.
/// </summary>
internal sealed class QaRetention(FeedbackDbContext db, TimeProvider clock, ILogger<QaRetention> log) : IQaRetention
{
    /// <summary>The audit trail's action for a deletion.</summary>
    public const string AuditAction = "qa.retention";

    /// <summary>The audit trail's subject of a deletion of the tenant's interaction log, which belongs to no plan.</summary>
    public const string InteractionsSubject = "monitored_interactions";

    public async Task PurgeAllAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var plans = await QaPlansAsync(cancellationToken);
        foreach (var plan in plans.Where(p => p.Days is not null))
        {
            await PurgeEvaluationsAsync(plan, now, cancellationToken);
        }

        foreach (var tenant in plans.GroupBy(p => p.TenantId))
        {
            // The log is the tenant's, shared by its plans: one that keeps evaluations for ever may still sample it,
            // and one keeping them longer still reports coverage on them, so the longest retention decides.
            if (tenant.All(p => p.Days is not null))
            {
                await PurgeInteractionsAsync(tenant.Key, tenant.Max(p => p.Days!.Value), now, cancellationToken);
            }
        }
    }

    /// <summary>Every plan with scorecards or a retention, with its retention; a plan that cannot be read keeps everything.</summary>
    private async Task<List<RetainedPlan>> QaPlansAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Plans.AsNoTracking()
            .Select(p => new
            {
                p.Id,
                p.TenantId,
                p.Key,
                Definition = p.Versions.Where(v => v.Number == p.CurrentVersion).Select(v => v.Definition).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var plans = new List<RetainedPlan>();
        foreach (var row in rows.OrderBy(r => r.Id))
        {
            if (row.Definition is null)
            {
                continue;
            }

            try
            {
                var definition = PlanJson.Deserialize(row.Definition);
                if (definition.Scorecards is { Count: > 0 } || definition.QaRetentionDays is not null)
                {
                    plans.Add(new RetainedPlan(row.Id, row.TenantId, definition.QaRetentionDays));
                }
            }
            catch (JsonException error)
            {
                log.LogWarning(error, "Plan {Plan} could not be read; its evaluations and its tenant's interactions are kept", row.Key);
                plans.Add(new RetainedPlan(row.Id, row.TenantId, null));
            }
        }

        return plans;
    }

    private async Task PurgeEvaluationsAsync(RetainedPlan plan, DateTime now, CancellationToken cancellationToken)
    {
        var days = plan.Days!.Value;
        var cutoff = now.AddDays(-days);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var old = db.Evaluations.Where(e => e.PlanId == plan.Id && e.EvaluatedAt < cutoff).Select(e => e.Id);

        // Children first, explicitly: the counts go to the audit trail, and no storage's cascade setting is relied on.
        var answers = await db.EvaluationAnswers.Where(a => old.Contains(a.EvaluationId)).ExecuteDeleteAsync(cancellationToken);
        var actions = await db.CoachingActions.Where(a => old.Contains(a.EvaluationId)).ExecuteDeleteAsync(cancellationToken);
        var evaluations = await db.Evaluations.Where(e => e.PlanId == plan.Id && e.EvaluatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (evaluations > 0)
        {
            Audit(plan.TenantId, $"plan:{plan.Id:D}", now, string.Create(CultureInfo.InvariantCulture,
                $"deleted {evaluations} evaluation(s), {answers} answer(s) and {actions} coaching action(s) evaluated more than {days} day(s) ago"));
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (evaluations > 0 && log.IsEnabled(LogLevel.Information))
        {
            log.LogInformation("QA retention: {Evaluations} evaluation(s) of plan {Plan} older than {Days} day(s) deleted", evaluations, plan.Id, days);
        }
    }

    private async Task PurgeInteractionsAsync(Guid tenantId, int days, DateTime now, CancellationToken cancellationToken)
    {
        var cutoff = now.AddDays(-days);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var interactions = await db.MonitoredInteractions.Where(i => i.TenantId == tenantId && i.StartedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (interactions > 0)
        {
            Audit(tenantId, InteractionsSubject, now, string.Create(CultureInfo.InvariantCulture,
                $"deleted {interactions} monitored interaction(s) started more than {days} day(s) ago"));
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private void Audit(Guid tenantId, string subject, DateTime now, string detail) =>
        db.AuditEntries.Add(new AuditEntry
        {
            Id = Guid.NewGuid(),
            TenantId = tenantId,
            At = now,
            Actor = JobIds.QaRetention,
            Action = AuditAction,
            Subject = subject,
            Detail = detail,
        });

    private sealed record RetainedPlan(Guid Id, Guid TenantId, int? Days);
}
