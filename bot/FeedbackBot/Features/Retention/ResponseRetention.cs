using System.Globalization;
using System.Text.Json;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Audit;
using FeedbackBot.Jobs.Retention;
using FeedbackBot.Jobs.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Retention;

/// <summary>
/// Enforces each plan's <c>retention_days</c>: the responses (answers and comments) of its cycles that ended longer ago
/// than that and are no longer open are deleted, and so are its customer contacts not updated for as long. Stored
/// reviews stay, so every report and link keeps what it said; what is lost is the raw material a review run again, a
/// next cycle's comparison or an action check would re-read (docs/privacy.md). Each deletion is audited as counts.
/// </summary>
internal sealed class ResponseRetention(FeedbackDbContext db, TimeProvider clock, ILogger<ResponseRetention> log) : IResponseRetention
{
    public async Task PurgeAllAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var plan in await RetainedPlansAsync(cancellationToken))
        {
            await PurgeAsync(plan, now, cancellationToken);
        }
    }

    /// <summary>Every plan that sets a retention; a plan that cannot be read keeps everything.</summary>
    private async Task<List<RetainedPlan>> RetainedPlansAsync(CancellationToken cancellationToken)
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
        foreach (var row in rows.Where(r => r.Definition is not null).OrderBy(r => r.Id))
        {
            try
            {
                if (PlanJson.Deserialize(row.Definition!).RetentionDays is { } days)
                {
                    plans.Add(new RetainedPlan(row.Id, row.TenantId, days));
                }
            }
            catch (JsonException error)
            {
                log.LogWarning(error, "Plan {Plan} could not be read; its responses are kept", row.Key);
            }
        }

        return plans;
    }

    private async Task PurgeAsync(RetainedPlan plan, DateTime now, CancellationToken cancellationToken)
    {
        var cutoff = now.AddDays(-plan.Days);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var cycles = db.ReviewCycles.Where(c => c.PlanId == plan.Id && c.State != CycleState.Open && c.EndsAt < cutoff).Select(c => c.Id);
        var responses = db.Responses.Where(r => cycles.Contains(r.CycleId)).Select(r => r.Id);

        // Children first, explicitly: the counts go to the audit trail, and no storage's cascade setting is relied on.
        var answers = await db.Answers.Where(a => responses.Contains(a.ResponseId)).ExecuteDeleteAsync(cancellationToken);
        var deleted = await db.Responses.Where(r => cycles.Contains(r.CycleId)).ExecuteDeleteAsync(cancellationToken);

        // A contact's details are needed to ask them again; one no import or trigger has touched for the retention
        // period is not going to be, so it goes as an erased contact does (its invitations keep that someone was asked).
        var staleContacts = db.Contacts.Where(c => c.PlanId == plan.Id && c.UpdatedAt < cutoff).Select(c => c.Id);
        await db.Invitations.Where(i => i.ContactId != null && staleContacts.Contains(i.ContactId.Value))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.InteractionId, (string?)null).SetProperty(i => i.ContactId, (Guid?)null), cancellationToken);
        var contacts = await db.Contacts.Where(c => c.PlanId == plan.Id && c.UpdatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0 || contacts > 0)
        {
            AuditTrail.Add(db, plan.TenantId, now, JobIds.ResponseRetention, AuditTrail.ResponsesRetention, $"plan:{plan.Id:D}", string.Create(CultureInfo.InvariantCulture,
                $"deleted {deleted} response(s) with {answers} answer(s) of cycles ended more than {plan.Days} day(s) ago, and {contacts} contact(s) not updated since"));
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (deleted > 0 && log.IsEnabled(LogLevel.Information))
        {
            log.LogInformation("Retention: {Responses} response(s) of plan {Plan} older than {Days} day(s) deleted", deleted, plan.Id, plan.Days);
        }
    }

    private sealed record RetainedPlan(Guid Id, Guid TenantId, int Days);
}
