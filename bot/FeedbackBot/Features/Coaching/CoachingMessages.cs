using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FeedbackBot.Conversations;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Jobs.Outbox;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Coaching;

/// <summary>
/// The coaching messages the outbox sends to one person's private chat: an evaluation to its agent (with the form to
/// answer it), the agent's answer to the evaluator, and the reminders on an action's due date. Each is built when it
/// is sent, from what is stored then, so an evaluation answered meanwhile is not sent again.
/// </summary>
internal sealed class CoachingMessages(
    FeedbackDbContext db, EvaluationViews views, EvaluationAccess access, IEnumerable<IProactiveSender> senders, TimeProvider clock)
{
    /// <summary>An evaluation to its agent.</summary>
    public const string FeedbackMessage = "feedback";

    /// <summary>The agent's answer to the evaluator.</summary>
    public const string AnswerMessage = "answer";

    /// <summary>An action's due date, to the agent.</summary>
    public const string DueToAgent = "due-agent";

    /// <summary>An action's due date, to the evaluator, suggesting a follow-up evaluation.</summary>
    public const string DueToEvaluator = "due-evaluator";

    /// <summary>An action brought up to date, to the other of the agent and the evaluator.</summary>
    public const string ActionUpdated = "action-updated";

    /// <summary>How an action is named on its form: "Action due: what".</summary>
    public static string ActionTitle(CoachingAction action) => $"Action due: {action.What}";

    /// <summary>An outbox row for one coaching message to <paramref name="personId"/>; its key is never queued twice.</summary>
    /// <remarks><paramref name="actionState"/> is what an action update said, so a later update supersedes it.</remarks>
    public static OutboxMessage ToPerson(
        Guid tenantId, string key, Guid personId, Guid evaluationId, string type, DateTime now, Guid? actionId = null, string? actionState = null) => new()
        {
            Id = Guid.NewGuid(),
            TenantId = tenantId,
            Kind = OutboxKind.Coaching,
            DedupeKey = key,
            PersonId = personId,
            Body = new JsonObject
            {
                ["type"] = type,
                ["evaluation"] = evaluationId.ToString("D"),
                ["action"] = actionId?.ToString("D"),
                ["state"] = actionState,
            }.ToJsonString(),
            State = OutboxState.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };

    public async Task<OutboxSendResult> SendAsync(Tenant tenant, OutboxMessage message, CancellationToken cancellationToken)
    {
        var (type, evaluationId, actionId, actionState) = Read(message);
        var evaluation = await views.FindAsync(tenant.Id, evaluationId, cancellationToken);
        if (evaluation is null || message.PersonId is not { } personId)
        {
            // Deleted after its retention period, or erased: nothing to say any more.
            return OutboxSendResult.NotNeeded;
        }

        var reference = await db.ConversationReferences.AsNoTracking()
            .Where(r => r.TenantId == tenant.Id && r.PersonId == personId)
            .OrderByDescending(r => r.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        var reader = await db.People.SingleOrDefaultAsync(p => p.Id == personId && p.TenantId == tenant.Id, cancellationToken);
        if (reference is null || reader is null)
        {
            return OutboxSendResult.Unreachable;
        }

        var reply = await ReplyAsync(type, evaluation, actionId, actionState, message, cancellationToken);
        if (reply is null)
        {
            return OutboxSendResult.NotNeeded;
        }

        var sender = senders.FirstOrDefault(s => s.Channel == tenant.Channel)
            ?? throw new InvalidOperationException($"The bot cannot send through {tenant.Channel} here.");
        if (!await sender.SendAsync(tenant, reference, reply, cancellationToken))
        {
            return OutboxSendResult.Unreachable;
        }

        if (type == AnswerMessage)
        {
            // The evaluator read the evaluation of someone else again, with the agent's answer on it.
            access.RecordReads(reader, [evaluation], clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(CancellationToken.None);
        }

        return OutboxSendResult.Sent;
    }

    private async Task<BotReply?> ReplyAsync(string type, Evaluation evaluation, Guid? actionId, string? actionState, OutboxMessage message, CancellationToken cancellationToken)
    {
        var (agent, evaluator) = await views.NamesAsync(evaluation, cancellationToken);
        switch (type)
        {
            case FeedbackMessage when evaluation.AcknowledgedAt is null && !evaluation.Calibration:
                var (planKey, _) = await views.ScorecardAsync(evaluation, cancellationToken);
                var form = EvaluationResponseForms.Prompt(planKey, evaluation.Id.ToString("D"), message.Id.ToString("N"), evaluator);
                return await views.BuildAsync(evaluation, $"Your evaluation from {evaluator}", "Only you, your evaluator and your team's managers see it.", form, cancellationToken);
            case AnswerMessage:
                var title = evaluation.AcknowledgedAt is not null ? $"{agent} acknowledged your evaluation" : $"{agent} would like to discuss your evaluation";
                return await views.BuildAsync(evaluation, title, null, null, cancellationToken);
            case DueToAgent or DueToEvaluator when evaluation.CoachingActions.FirstOrDefault(a => a.Id == actionId) is { State: CoachingActionState.Planned } action:
                var what = $"**{action.What}**{(action.Support is { Length: > 0 } support ? $" (support: {support})" : "")}";
                var due = action.DueOn.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
                var (actionPlan, _) = await views.ScorecardAsync(evaluation, cancellationToken);
                var reminder = type == DueToAgent
                    ? $"Reminder: your action from the evaluation of {evaluation.InteractionKey} is due on {due}: {what}. Talk it over with {evaluator}."
                    : $"Reminder: {agent}'s action from the evaluation of {evaluation.InteractionKey} is due on {due}: {what}. " +
                      $"Time for a follow-up: score one of {agent}'s recent interactions with **qa score {agent} {evaluation.ScorecardId}**.";
                return CoachingActionForms.Prompt(actionPlan, action.Id.ToString("D"), message.Id.ToString("N"), ActionTitle(action), reminder);
            // An update overtaken by a later one before it went says nothing: the later one tells where it stands.
            case ActionUpdated when evaluation.CoachingActions.FirstOrDefault(a => a.Id == actionId) is { } updated && StateKey(updated) == actionState:
                var by = message.PersonId == evaluation.EvaluatorPersonId ? agent : evaluator;
                var outcome = updated.State switch
                {
                    CoachingActionState.Done => "marked it done",
                    CoachingActionState.Cancelled => "dropped it",
                    _ => $"moved it to {updated.DueOn.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}",
                };
                return new TextReply($"{by} {outcome}: **{updated.What}**{(updated.Note is { Length: > 0 } note ? $". Note: {note}" : "")}");
            default:
                return null;
        }
    }

    /// <summary>An action's state and due date as an update message records them.</summary>
    public static string StateKey(CoachingAction action) => $"{action.State}:{action.DueOn:yyyy-MM-dd}".ToLowerInvariant();

    private static (string Type, Guid Evaluation, Guid? Action, string? State) Read(OutboxMessage message)
    {
        using var body = JsonDocument.Parse(message.Body ?? throw new InvalidOperationException($"Outbox message {message.Id} is a coaching message without a body."));
        var root = body.RootElement;
        var action = root.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.String ? Guid.Parse(a.GetString()!) : (Guid?)null;
        var state = root.TryGetProperty("state", out var st) && st.ValueKind == JsonValueKind.String ? st.GetString() : null;
        return (root.GetProperty("type").GetString()!, Guid.Parse(root.GetProperty("evaluation").GetString()!), action, state);
    }
}
