using FeedbackBot.Conversations;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Jobs.Outbox;

namespace FeedbackBot.Features.Coaching;

/// <summary>
/// The agent answers the feedback on their evaluation: acknowledges it or asks to discuss it (with a reason), adds
/// their reflection and the action plan they agree. The evaluator is sent the answer; the action's due date books a
/// reminder for both. Only the agent can answer; anyone else is refused and nothing changes.
/// </summary>
internal sealed class RespondToEvaluationFeature(FeedbackDbContext db, EvaluationViews views, IOutboxSignal outbox)
{
    private static readonly TextReply NotValid = new("This evaluation is not valid any more. Type **my evaluations** to see yours.");
    private static readonly TextReply NotYours = new("This evaluation is not yours to answer: only the person evaluated can.");

    /// <summary>The answer form again, for a channel that opens it on request (Slack's modal).</summary>
    public async Task<ConversationTurn> OpenAsync(ConversationParty party, BotSubmission submission, CancellationToken cancellationToken)
    {
        var (evaluation, refusal) = await FindAsync(party, submission, cancellationToken);
        if (evaluation is null)
        {
            return ConversationTurn.ReplaceCard(refusal!);
        }

        if (evaluation.AcknowledgedAt is not null)
        {
            return ConversationTurn.ReplaceCard(await views.BuildAsync(evaluation, "Your evaluation", null, null, cancellationToken));
        }

        var (_, evaluator) = await views.NamesAsync(evaluation, cancellationToken);
        return ConversationTurn.Reply(Form(submission, evaluator));
    }

    public async Task<ConversationTurn> SubmitAsync(ConversationParty party, BotSubmission submission, DateTime now, CancellationToken cancellationToken)
    {
        var (evaluation, refusal) = await FindAsync(party, submission, cancellationToken);
        if (evaluation is null)
        {
            return ConversationTurn.ReplaceCard(refusal!);
        }

        var (_, evaluator) = await views.NamesAsync(evaluation, cancellationToken);
        if (evaluation.AcknowledgedAt is not null)
        {
            // Acknowledged before (this card delivered again, or another one): the answer stands.
            return ConversationTurn.ReplaceCard(await AnsweredAsync(evaluation, evaluator, cancellationToken));
        }

        var check = EvaluationResponseForms.Check(Form(submission, evaluator), submission.Values, DateOnly.FromDateTime(now));
        if (check.Response is not { } response)
        {
            return ConversationTurn.ReplaceCard(check.Retry!);
        }

        if (!response.Acknowledged && evaluation.DiscussRequestedAt is not null && evaluation.DiscussReason == response.Reason)
        {
            return ConversationTurn.ReplaceCard(await AnsweredAsync(evaluation, evaluator, cancellationToken));
        }

        if (response.Acknowledged)
        {
            evaluation.AcknowledgedAt = now;
        }
        else
        {
            evaluation.DiscussRequestedAt = now;
            evaluation.DiscussReason = response.Reason;
        }

        evaluation.Reflection = response.Reflection ?? evaluation.Reflection;
        if (response.Action is { } step && !evaluation.CoachingActions.Any(a => a.What == step.What && a.DueOn == step.DueOn))
        {
            var action = new CoachingAction
            {
                Id = Guid.NewGuid(),
                EvaluationId = evaluation.Id,
                What = step.What,
                Support = step.Support,
                DueOn = step.DueOn,
                State = CoachingActionState.Planned,
                CreatedAt = now,
            };
            evaluation.CoachingActions.Add(action);
            db.CoachingActions.Add(action);
        }

        if (evaluation.EvaluatorPersonId is { } evaluatorId)
        {
            var answer = response.Acknowledged ? "acknowledged" : "discuss:" + now.Ticks;
            db.Outbox.Add(CoachingMessages.ToPerson(party.Tenant.Id, $"qa-answer:{evaluation.Id:N}:{answer}", evaluatorId, evaluation.Id, CoachingMessages.AnswerMessage, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        outbox.Notify();
        return ConversationTurn.ReplaceCard(await AnsweredAsync(evaluation, evaluator, cancellationToken));
    }

    private Task<EvaluationView> AnsweredAsync(Evaluation evaluation, string evaluator, CancellationToken cancellationToken) =>
        views.BuildAsync(evaluation, "Your evaluation", $"{evaluator} sees your answer.", null, cancellationToken);

    private static SurveyPrompt Form(BotSubmission submission, string evaluator) => EvaluationResponseForms.Prompt(
        submission.Values[Verbs.PlanField], submission.Values[Verbs.CycleField], submission.Values[Verbs.CardField], evaluator);

    private async Task<(Evaluation?, TextReply?)> FindAsync(ConversationParty party, BotSubmission submission, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(submission.Values.GetValueOrDefault(Verbs.CycleField), out var id)
            || submission.Values.GetValueOrDefault(Verbs.CardField) is not { Length: > 0 and <= 64 }
            || await views.FindAsync(party.Tenant.Id, id, cancellationToken) is not { } evaluation)
        {
            return (null, NotValid);
        }

        return evaluation.AgentPersonId == party.Person.Id ? (evaluation, null) : (null, NotYours);
    }
}
