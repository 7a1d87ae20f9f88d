using FeedbackBot.Conversations;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.People;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Actions;

/// <summary>
/// <c>actions</c> in chat: the open improvement actions the person owns or adopted, most urgent first, each with an
/// Update button; and that button's form, which brings the action up to date (status, the day it went live, a note)
/// as <c>feedbackbot actions update</c> does. Its owner, whoever adopted it, and the tenant's managers may update it.
/// </summary>
internal sealed class ActionsInChatFeature(FeedbackDbContext db, TimeProvider clock)
{
    private static readonly TextReply NotValid = new("That action is not valid any more. Type **actions** to see yours.");
    private static readonly TextReply NotYours = new("Only the action's owner, whoever adopted it, and managers can update it.");

    public async Task<ConversationTurn> ListAsync(ConversationParty party, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var person = party.Person;
        var userId = party.ChannelUserId;
        var email = person.Email;
        var actions = await db.ImprovementActions.Include(a => a.Milestones)
            .Where(a => a.TenantId == party.Tenant.Id && a.Status != ImprovementActionStatus.Sustained && a.Status != ImprovementActionStatus.Abandoned)
            .Where(a => a.OwnerPersonId == person.Id || a.Owner == userId || (email != null && a.Owner == email) || a.CreatedBy == userId)
            .ToListAsync(cancellationToken);

        // Named as owner before the bot knew them: now it does, and reminds them from here on.
        var found = actions.Where(a => a.OwnerPersonId is null && (a.Owner == userId || string.Equals(a.Owner, email, StringComparison.OrdinalIgnoreCase))).ToList();
        if (found.Count > 0)
        {
            foreach (var action in found)
            {
                action.OwnerPersonId = person.Id;
                action.UpdatedAt = now;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        if (actions.Count == 0)
        {
            var hint = person.Role is PersonRole.Manager or PersonRole.Admin
                ? " Adopt one with the **Adopt** button beside a recommendation (type **latest review**)."
                : string.Empty;
            return ConversationTurn.Reply(new TextReply("You have no open improvement actions." + hint));
        }

        var plans = await PlanKeysAsync(party.Tenant.Id, cancellationToken);
        var ordered = actions
            .OrderByDescending(a => ActionUpdates.IsUnderWay(a.Status) && a.DueOn < today)
            .ThenByDescending(a => ActionUpdates.IsUnderWay(a.Status))
            .ThenBy(a => a.DueOn)
            .ThenBy(a => a.Number)
            .ToList();
        var lines = ordered.Take(ActionList.MaxActions).Select(a => ActionLines.From(a, plans[a.PlanId], today, canUpdate: true)).ToList();
        var more = ordered.Count - lines.Count;
        return ConversationTurn.Reply(new ActionList(
            "Your open improvement actions",
            "The ones you own or adopted, overdue first. Mark one implemented with the day it went live, and the next reviews check whether it worked.",
            lines,
            more > 0 ? $"and {more} more: 'feedbackbot actions list' shows them all." : null));
    }

    /// <summary>The form updating the action the button was beside.</summary>
    public async Task<ConversationTurn> OpenAsync(ConversationParty party, BotSubmission submission, CancellationToken cancellationToken)
    {
        var (action, refusal) = await FindAsync(party, submission, cancellationToken);
        return action is null
            ? ConversationTurn.Reply(refusal!)
            : ConversationTurn.Reply(Form(action, submission.Values[Verbs.PlanField], Guid.NewGuid().ToString("N")));
    }

    public async Task<ConversationTurn> SubmitAsync(ConversationParty party, BotSubmission submission, DateTime now, CancellationToken cancellationToken)
    {
        var (action, refusal) = await FindAsync(party, submission, cancellationToken);
        if (action is null)
        {
            return ConversationTurn.ReplaceCard(refusal!);
        }

        var check = ImprovementActionForms.CheckUpdate(
            Form(action, submission.Values[Verbs.PlanField], submission.Values[Verbs.CardField]), submission.Values, DateOnly.FromDateTime(now));
        if (check.Update is not { } update)
        {
            return ConversationTurn.ReplaceCard(check.Retry!);
        }

        var status = update.Status is { } name ? ImprovementActionStatuses.Parse(name) : (ImprovementActionStatus?)null;
        if (ActionUpdates.Apply(db, action, status, update.ImplementedOn, update.Note, party.ChannelUserId, now, update.DueOn))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        var line = ActionLines.From(action, submission.Values[Verbs.PlanField], DateOnly.FromDateTime(now), canUpdate: true);
        var next = action.Status == ImprovementActionStatus.Implemented
            ? "The next review of a cycle that starts on or after the day it went live checks whether it worked."
            : null;
        return ConversationTurn.ReplaceCard(new ActionList($"Action {action.Number} updated", next, [line], null));
    }

    private static SurveyPrompt Form(ImprovementAction action, string planKey, string cardId)
    {
        var status = ImprovementActionStatuses.Name(action.Status);
        var verdict = !ActionUpdates.SetByPeople.Contains(action.Status);
        var intro = $"Now {status.Replace('_', ' ')}" +
            (action.ImplementedOn is { } on ? $", live since {ActionLines.Day(on)}" : string.Empty) +
            $"; due {ActionLines.Day(action.DueOn)}." +
            (verdict ? " Its status is the checks' verdict: leave the status empty to keep it and only add a note." : string.Empty);
        var prompt = ImprovementActionForms.UpdatePrompt(planKey, action.Id.ToString("D"), cardId, $"Action {action.Number}: {action.Title}", intro, status);
        return verdict
            ? prompt with { Questions = [.. prompt.Questions.Select(q => q.Id == ImprovementActionForms.StatusInput ? q with { Required = false } : q)] }
            : prompt;
    }

    private async Task<(ImprovementAction?, TextReply?)> FindAsync(ConversationParty party, BotSubmission submission, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(submission.Values.GetValueOrDefault(Verbs.CycleField), "D", out var actionId)
            || submission.Values.GetValueOrDefault(Verbs.PlanField) is not { Length: > 0 and <= 64 }
            || submission.Values.GetValueOrDefault(Verbs.CardField) is not { Length: > 0 and <= 64 })
        {
            return (null, NotValid);
        }

        var action = await db.ImprovementActions.Include(a => a.Notes).Include(a => a.Milestones)
            .SingleOrDefaultAsync(a => a.Id == actionId && a.TenantId == party.Tenant.Id, cancellationToken);
        if (action is null)
        {
            return (null, NotValid);
        }

        var person = party.Person;
        var mayUpdate = person.Role is PersonRole.Manager or PersonRole.Admin
            || action.OwnerPersonId == person.Id
            || action.Owner == party.ChannelUserId
            || (person.Email is { } email && string.Equals(action.Owner, email, StringComparison.OrdinalIgnoreCase))
            || action.CreatedBy == party.ChannelUserId;
        return mayUpdate ? (action, null) : (null, NotYours);
    }

    private async Task<Dictionary<Guid, string>> PlanKeysAsync(Guid tenantId, CancellationToken cancellationToken) =>
        await db.Plans.AsNoTracking().Where(p => p.TenantId == tenantId).ToDictionaryAsync(p => p.Id, p => p.Key, cancellationToken);
}
