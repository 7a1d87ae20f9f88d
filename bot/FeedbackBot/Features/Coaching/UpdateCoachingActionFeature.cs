using FeedbackBot.Conversations;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Jobs.Outbox;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Coaching;

/// <summary>
/// A coaching action brought up to date from its due-date reminder: done, dropped, or not yet with a new due date
/// (both are reminded again then). The agent or the evaluator may do it; the other is told. Anyone else is refused
/// and nothing changes; the same form delivered again changes nothing more.
/// </summary>
internal sealed class UpdateCoachingActionFeature(FeedbackDbContext db, EvaluationViews views, IOutboxSignal outbox)
{
    private static readonly TextReply NotValid = new("This action is not valid any more. Type **my evaluations** to see yours.");
    private static readonly TextReply NotYours = new("Only the person evaluated and their evaluator can update this action.");

    /// <summary>The form again, for a channel that opens it on request (Slack's modal).</summary>
    public async Task<ConversationTurn> OpenAsync(ConversationParty party, BotSubmission submission, CancellationToken cancellationToken)
    {
        var (found, refusal) = await FindAsync(party, submission, cancellationToken);
        return found is { } f ? ConversationTurn.Reply(Form(submission, f.Action)) : ConversationTurn.ReplaceCard(refusal!);
    }

    public async Task<ConversationTurn> SubmitAsync(ConversationParty party, BotSubmission submission, DateTime now, CancellationToken cancellationToken)
    {
        var (found, refusal) = await FindAsync(party, submission, cancellationToken);
        if (found is not var (evaluation, action))
        {
            return ConversationTurn.ReplaceCard(refusal!);
        }

        var check = CoachingActionForms.Check(Form(submission, action), submission.Values, DateOnly.FromDateTime(now));
        if (check.Update is not { } update)
        {
            return ConversationTurn.ReplaceCard(check.Retry!);
        }

        var state = update.State switch { "done" => CoachingActionState.Done, "cancelled" => CoachingActionState.Cancelled, _ => CoachingActionState.Planned };
        var unchanged = action.State == state && (update.NewDueOn is null || action.DueOn == update.NewDueOn) && action.Note == (update.Note ?? action.Note);
        if (!unchanged)
        {
            action.State = state;
            action.Note = update.Note ?? action.Note;
            action.ClosedAt = state == CoachingActionState.Planned ? null : now;
            if (update.NewDueOn is { } due)
            {
                // A new date is a new reminder.
                action.DueOn = due;
                action.RemindedAt = null;
            }

            var other = party.Person.Id == evaluation.AgentPersonId ? evaluation.EvaluatorPersonId : evaluation.AgentPersonId;
            if (other is { } otherId)
            {
                var stateKey = CoachingMessages.StateKey(action);
                db.Outbox.Add(CoachingMessages.ToPerson(
                    party.Tenant.Id, $"coaching-update:{action.Id:N}:{stateKey}", otherId, evaluation.Id, CoachingMessages.ActionUpdated, now, action.Id, stateKey));
            }

            await db.SaveChangesAsync(cancellationToken);
            outbox.Notify();
        }

        return ConversationTurn.ReplaceCard(await views.BuildAsync(evaluation, "Action updated", null, null, cancellationToken));
    }

    private static SurveyPrompt Form(BotSubmission submission, CoachingAction action) => CoachingActionForms.Prompt(
        submission.Values[Verbs.PlanField], submission.Values[Verbs.CycleField], submission.Values[Verbs.CardField], CoachingMessages.ActionTitle(action), string.Empty);

    private async Task<((Evaluation Evaluation, CoachingAction Action)?, TextReply?)> FindAsync(ConversationParty party, BotSubmission submission, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(submission.Values.GetValueOrDefault(Verbs.CycleField), out var actionId)
            || submission.Values.GetValueOrDefault(Verbs.CardField) is not { Length: > 0 and <= 64 })
        {
            return (null, NotValid);
        }

        var evaluationId = await db.CoachingActions.Where(a => a.Id == actionId).Select(a => (Guid?)a.EvaluationId).SingleOrDefaultAsync(cancellationToken);
        if (evaluationId is not { } id || await views.FindAsync(party.Tenant.Id, id, cancellationToken) is not { } evaluation)
        {
            return (null, NotValid);
        }

        return party.Person.Id == evaluation.AgentPersonId || party.Person.Id == evaluation.EvaluatorPersonId
            ? ((evaluation, evaluation.CoachingActions.Single(a => a.Id == actionId)), null)
            : (null, NotYours);
    }
}
