using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Jobs.Coaching;
using FeedbackBot.Jobs.Outbox;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Coaching;

/// <summary>
/// On an action's due date, reminds the agent of it and the evaluator too, suggesting a follow-up evaluation. Each
/// action is reminded once: its reminders are queued in the same write that marks it reminded, under keys the outbox
/// never queues twice.
/// </summary>
internal sealed class CoachingReminders(FeedbackDbContext db, IOutboxSignal outbox, TimeProvider clock, ILogger<CoachingReminders> log) : ICoachingReminders
{
    public async Task RemindDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var due = await (from a in db.CoachingActions
                         join e in db.Evaluations on a.EvaluationId equals e.Id
                         where a.State == CoachingActionState.Planned && a.RemindedAt == null && a.DueOn <= today
                         select new { Action = a, e.TenantId, e.AgentPersonId, e.EvaluatorPersonId, EvaluationId = e.Id })
            .ToListAsync(cancellationToken);
        foreach (var item in due)
        {
            if (item.AgentPersonId is { } agent)
            {
                db.Outbox.Add(CoachingMessages.ToPerson(item.TenantId, $"coaching-due:{item.Action.Id:N}:agent", agent, item.EvaluationId, CoachingMessages.DueToAgent, now, item.Action.Id));
            }

            if (item.EvaluatorPersonId is { } evaluator)
            {
                db.Outbox.Add(CoachingMessages.ToPerson(item.TenantId, $"coaching-due:{item.Action.Id:N}:evaluator", evaluator, item.EvaluationId, CoachingMessages.DueToEvaluator, now, item.Action.Id));
            }

            item.Action.RemindedAt = now;
        }

        if (due.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            outbox.Notify();
        }

        if (due.Count > 0 && log.IsEnabled(LogLevel.Information))
        {
            log.LogInformation("Queued the due-date reminders of {Count} coaching actions", due.Count);
        }
    }
}
