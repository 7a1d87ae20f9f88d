using FeedbackBot.Conversations;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.People;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Coaching;

/// <summary>
/// <c>my evaluations</c> and <c>qa show @person</c>: evaluations read in a private chat. An agent reads their own; an
/// evaluator those they wrote; a manager those of their team on the roster, each read of someone else's written to
/// the audit trail. Anything else is refused before anything is read or written.
/// </summary>
internal sealed class EvaluationsInChatFeature(FeedbackDbContext db, EvaluationViews views, EvaluationAccess access, TimeProvider clock)
{
    /// <summary>How many evaluations one answer shows, newest first.</summary>
    public const int Shown = 5;

    private static readonly TextReply NotHere = new("Evaluations are shown only in your private chat with me: ask me there.");

    public async Task<ConversationTurn> MineAsync(ConversationParty party, BotRequest request, CancellationToken cancellationToken)
    {
        if (!request.Private)
        {
            return ConversationTurn.Reply(NotHere);
        }

        var mine = await Evaluations().Where(e => e.TenantId == party.Tenant.Id && e.AgentPersonId == party.Person.Id && !e.Calibration)
            .OrderByDescending(e => e.EvaluatedAt).Take(Shown).ToListAsync(cancellationToken);
        if (mine.Count == 0)
        {
            return ConversationTurn.Reply(new TextReply("You have no evaluations yet."));
        }

        var replies = new List<BotReply>();
        foreach (var evaluation in mine)
        {
            var form = evaluation.AcknowledgedAt is null ? await FormAsync(evaluation, cancellationToken) : null;
            replies.Add(await views.BuildAsync(evaluation, "Your evaluation", null, form, cancellationToken));
        }

        return new ConversationTurn(replies, false);
    }

    public async Task<ConversationTurn> ShowAsync(ConversationParty party, BotRequest request, BotCommand.ShowEvaluations command, CancellationToken cancellationToken)
    {
        if (!request.Private)
        {
            return ConversationTurn.Reply(NotHere);
        }

        // Staff evaluate nobody and manage nobody: refused before anyone is looked up, so the refusal changes nothing.
        if (party.Person.Role == PersonRole.Staff)
        {
            return ConversationTurn.Reply(new TextReply("You can see only your own evaluations: type **my evaluations**."));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (person, problem) = await MentionedPeople.FindAsync(db, party, command.Person, request.Mentions, now, cancellationToken);
        if (person is null)
        {
            return ConversationTurn.Reply(new TextReply(problem!));
        }

        if (person.Id == party.Person.Id)
        {
            return await MineAsync(party, request, cancellationToken);
        }

        var manages = await access.ManagesAsync(party.Person, person.Id, cancellationToken);
        var theirs = Evaluations().Where(e => e.TenantId == party.Tenant.Id && e.AgentPersonId == person.Id);
        if (!manages)
        {
            theirs = theirs.Where(e => e.EvaluatorPersonId == party.Person.Id);
        }

        var shown = await theirs.OrderByDescending(e => e.EvaluatedAt).Take(Shown).ToListAsync(cancellationToken);
        if (shown.Count == 0)
        {
            db.ChangeTracker.Clear();
            return ConversationTurn.Reply(new TextReply(manages
                ? $"**{person.DisplayName}** has no evaluations yet."
                : $"You can see **{person.DisplayName}**'s evaluations only if you manage their team on the roster or evaluated them yourself."));
        }

        access.RecordReads(party.Person, shown, now);
        await db.SaveChangesAsync(cancellationToken);
        var replies = new List<BotReply>();
        foreach (var evaluation in shown)
        {
            replies.Add(await views.BuildAsync(evaluation, $"{person.DisplayName}'s evaluation", "Confidential: your reading it is recorded.", null, cancellationToken));
        }

        return new ConversationTurn(replies, false);
    }

    private IQueryable<Evaluation> Evaluations() => db.Evaluations.Include(e => e.Answers).Include(e => e.CoachingActions);

    private async Task<SurveyPrompt> FormAsync(Evaluation evaluation, CancellationToken cancellationToken)
    {
        var (planKey, _) = await views.ScorecardAsync(evaluation, cancellationToken);
        var (_, evaluator) = await views.NamesAsync(evaluation, cancellationToken);
        return EvaluationResponseForms.Prompt(planKey, evaluation.Id.ToString("D"), Guid.NewGuid().ToString("N"), evaluator);
    }
}
