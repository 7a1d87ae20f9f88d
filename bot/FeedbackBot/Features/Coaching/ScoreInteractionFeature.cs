using FeedbackBot.Conversations;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.People;
using FeedbackBot.Core.Scorecards;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Jobs.Outbox;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Coaching;

/// <summary>
/// <c>qa score @agent [SCORECARD] [PLAN]</c>: a manager scores one of an agent's interactions on a plan's scorecard in
/// chat. The form is the scorecard; saved once per form (a redelivery or a double click stores nothing more), the
/// evaluation goes to the agent privately through the outbox, so it is sent even if the bot restarts in between.
/// </summary>
internal sealed class ScoreInteractionFeature(FeedbackDbContext db, EvaluationViews views, IOutboxSignal outbox, TimeProvider clock)
{
    private const string KeyPrefix = "chat:";

    /// <summary>The scorecard form for the command, or why it cannot be given.</summary>
    public async Task<BotReply> PromptAsync(ConversationParty party, BotRequest request, BotCommand.ScoreInteraction command, CancellationToken cancellationToken)
    {
        if (Refusal(party) is { } refusal)
        {
            return refusal;
        }

        if (!request.Private)
        {
            return new TextReply("Score interactions in your private chat with me, so nobody else sees the evaluation.");
        }

        var (found, problem) = await FindScorecardAsync(party, command.Scorecard, command.Plan, cancellationToken);
        if (found is not { } scorecard)
        {
            return new TextReply(problem!);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (agent, unknown) = await MentionedPeople.FindAsync(db, party, command.Agent, request.Mentions, now, cancellationToken);
        if (agent is null)
        {
            return new TextReply(unknown!);
        }

        if (agent.Id == party.Person.Id)
        {
            return new TextReply("You cannot score your own interaction: ask your manager or a colleague who evaluates.");
        }

        // A mentioned colleague the bot had not met is remembered, so the evaluation can name them.
        await db.SaveChangesAsync(cancellationToken);
        return ScorecardForms.Prompt(scorecard.PlanKey, scorecard.Scorecard, agent.DisplayName, Subject(agent.Id, scorecard.Scorecard.Id), Guid.NewGuid().ToString("N"), Today(now));
    }

    /// <summary>The scorecard form again, for a channel that opens it on request (Slack's modal).</summary>
    public async Task<ConversationTurn> OpenAsync(ConversationParty party, BotSubmission submission, CancellationToken cancellationToken)
    {
        var form = await ReadFormAsync(party, submission, cancellationToken);
        if (form.Reply is { } reply)
        {
            return ConversationTurn.ReplaceCard(reply);
        }

        if (await StoredAsync(form.Plan!.Id, submission, cancellationToken) is { } stored)
        {
            return ConversationTurn.ReplaceCard(await views.BuildAsync(stored, "Evaluation saved", null, null, cancellationToken));
        }

        return ConversationTurn.Reply(Prompt(form, submission));
    }

    public async Task<ConversationTurn> SubmitAsync(ConversationParty party, BotSubmission submission, DateTime now, CancellationToken cancellationToken)
    {
        var form = await ReadFormAsync(party, submission, cancellationToken);
        if (form.Reply is { } reply)
        {
            return ConversationTurn.ReplaceCard(reply);
        }

        if (await StoredAsync(form.Plan!.Id, submission, cancellationToken) is { } stored)
        {
            return ConversationTurn.ReplaceCard(await SavedAsync(stored, form.Agent!, cancellationToken));
        }

        var check = ScorecardForms.Check(form.Scorecard!, Prompt(form, submission), submission.Values, Today(now));
        if (check.Entry is not { } entry)
        {
            return ConversationTurn.ReplaceCard(check.Retry!);
        }

        var evaluation = NewEvaluation(party, form, entry, KeyPrefix + submission.Values[Verbs.CardField], now);
        db.Evaluations.Add(evaluation);
        if (!entry.Calibration)
        {
            db.Outbox.Add(CoachingMessages.ToPerson(party.Tenant.Id, $"qa-feedback:{evaluation.Id:N}", form.Agent!.Id, evaluation.Id, CoachingMessages.FeedbackMessage, now));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            outbox.Notify();
        }
        catch (DbUpdateException)
        {
            // Two deliveries at once: the unique key let one store it; anything else is a real failure.
            db.ChangeTracker.Clear();
            if (await StoredAsync(form.Plan.Id, submission, cancellationToken) is not { } first)
            {
                throw;
            }

            evaluation = first;
        }

        return ConversationTurn.ReplaceCard(await SavedAsync(evaluation, form.Agent!, cancellationToken));
    }

    private static TextReply? Refusal(ConversationParty party) => party.Person.Role is PersonRole.Manager or PersonRole.Admin
        ? null
        : new TextReply("Only managers score interactions. An admin can make you one with **role @you manager**.");

    private async Task<EvaluationView> SavedAsync(Evaluation evaluation, Person agent, CancellationToken cancellationToken)
    {
        var reachable = await db.ConversationReferences.AnyAsync(r => r.PersonId == agent.Id, cancellationToken);
        var note = evaluation.Calibration
            ? $"Calibration: {agent.DisplayName} is not sent it. Compare evaluators with feedbackbot qa calibration."
            : reachable
            ? $"{agent.DisplayName} gets it privately now and can acknowledge it or ask to discuss it; you will see their answer."
            : $"{agent.DisplayName} has not talked to me yet, so I cannot send it now: they can read it with **my evaluations** once they do.";
        var stored = await views.FindAsync(evaluation.TenantId, evaluation.Id, cancellationToken) ?? evaluation;
        return await views.BuildAsync(stored, "Evaluation saved", note, null, cancellationToken);
    }

    private static SurveyPrompt Prompt(ScorecardForm form, BotSubmission submission) =>
        ScorecardForms.Prompt(form.Plan!.Key, form.Scorecard!, form.Agent!.DisplayName, submission.Values[Verbs.CycleField], submission.Values[Verbs.CardField], form.Today);

    private Task<Evaluation?> StoredAsync(Guid planId, BotSubmission submission, CancellationToken cancellationToken)
    {
        var key = KeyPrefix + submission.Values[Verbs.CardField];
        return db.Evaluations.Include(e => e.Answers).Include(e => e.CoachingActions)
            .SingleOrDefaultAsync(e => e.PlanId == planId && e.EvaluationKey == key, cancellationToken);
    }

    private static Evaluation NewEvaluation(ConversationParty party, ScorecardForm form, ScoredInteraction entry, string key, DateTime now)
    {
        var agent = form.Agent!;
        var evaluation = new Evaluation
        {
            Id = Guid.NewGuid(),
            TenantId = party.Tenant.Id,
            PlanId = form.Plan!.Id,
            PlanVersionId = form.VersionId,
            EvaluationKey = key,
            InteractionKey = entry.Interaction,
            Agent = agent.Email ?? agent.ChannelUserId ?? agent.DisplayName,
            AgentPersonId = agent.Id,
            Evaluator = party.Person.Email ?? party.ChannelUserId,
            EvaluatorPersonId = party.Person.Id,
            ScorecardId = form.Scorecard!.Id,
            Channel = ScorecardForms.ChannelName(entry.Channel),
            EvaluatedAt = now,
            InteractionAt = entry.InteractionDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            Score = entry.Result.Score,
            CriticalFail = entry.Result.CriticalFail,
            Passed = entry.Result.Passed == true,
            Calibration = entry.Calibration,
            WentWell = entry.WentWell,
            ToImprove = entry.ToImprove,
            CreatedAt = now,
        };
        foreach (var (criterion, answer) in entry.Answers)
        {
            evaluation.Answers.Add(new EvaluationAnswer
            {
                EvaluationId = evaluation.Id,
                CriterionId = criterion,
                Answer = answer.ToString(),
                Comment = entry.Comments.GetValueOrDefault(criterion),
            });
        }

        return evaluation;
    }

    // The hidden fields name the plan, the agent and the scorecard; each must still be the tenant's.
    private async Task<ScorecardForm> ReadFormAsync(ConversationParty party, BotSubmission submission, CancellationToken cancellationToken)
    {
        if (Refusal(party) is { } refusal)
        {
            return new ScorecardForm(refusal);
        }

        var invalid = new ScorecardForm(new TextReply("This scorecard is not valid any more. Type **qa score @person SCORECARD** to start again."));
        var subject = submission.Values.GetValueOrDefault(Verbs.CycleField) ?? string.Empty;
        var planKey = submission.Values.GetValueOrDefault(Verbs.PlanField);
        var card = submission.Values.GetValueOrDefault(Verbs.CardField);
        var parts = subject.Split('/', 2);
        if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "N", out var agentId) || card is not { Length: > 0 and <= 64 } || planKey is null)
        {
            return invalid;
        }

        var found = await (from p in db.Plans
                           join v in db.PlanVersions on new { PlanId = p.Id, Number = p.CurrentVersion } equals new { v.PlanId, v.Number }
                           where p.TenantId == party.Tenant.Id && p.Key == planKey
                           select new { Plan = p, VersionId = v.Id, v.Definition }).SingleOrDefaultAsync(cancellationToken);
        var scorecard = found is null ? null : PlanJson.Deserialize(found.Definition).FindScorecard(parts[1]);
        var agent = await db.People.SingleOrDefaultAsync(p => p.Id == agentId && p.TenantId == party.Tenant.Id, cancellationToken);
        if (found is null || scorecard is null || agent is null)
        {
            return invalid;
        }

        return agent.Id == party.Person.Id
            ? new ScorecardForm(new TextReply("You cannot score your own interaction."))
            : new ScorecardForm(null, found.Plan, found.VersionId, scorecard, agent, Today(clock.GetUtcNow().UtcDateTime));
    }

    private async Task<((string PlanKey, Scorecard Scorecard)?, string?)> FindScorecardAsync(
        ConversationParty party, string? scorecardId, string? planKey, CancellationToken cancellationToken)
    {
        var definitions = await (from p in db.Plans
                                 join v in db.PlanVersions on new { PlanId = p.Id, Number = p.CurrentVersion } equals new { v.PlanId, v.Number }
                                 where p.TenantId == party.Tenant.Id && (planKey == null || p.Key == planKey)
                                 orderby p.Key
                                 select new { p.Key, v.Definition }).ToListAsync(cancellationToken);
        var all = definitions
            .SelectMany(d => PlanJson.Deserialize(d.Definition).Scorecards ?? [], (d, s) => (PlanKey: d.Key, Scorecard: s))
            .ToList();
        if (all.Count == 0)
        {
            return (null, planKey is null
                ? "No plan has a scorecard yet: add `scorecards:` to a plan (docs/monitoring.md)."
                : $"Plan **{planKey}** has no scorecards, or there is no such plan.");
        }

        var matching = scorecardId is null ? all : [.. all.Where(s => s.Scorecard.Id == scorecardId)];
        var list = string.Join(", ", all.Select(s => $"**{s.Scorecard.Id}** ({s.PlanKey})"));
        return matching.Count switch
        {
            1 => (matching[0], null),
            0 => (null, $"There is no scorecard **{scorecardId}**. The scorecards: {list}."),
            _ when scorecardId is null => (null, $"Which scorecard? Write **qa score @person SCORECARD**. The scorecards: {list}."),
            _ => (null, $"More than one plan has scorecard **{scorecardId}**: add the plan, **qa score @person {scorecardId} PLAN**."),
        };
    }

    private static string Subject(Guid agentId, string scorecardId) => $"{agentId:N}/{scorecardId}";

    private static DateOnly Today(DateTime now) => DateOnly.FromDateTime(now);

    private sealed record ScorecardForm(
        TextReply? Reply, Plan? Plan = null, Guid VersionId = default, Scorecard? Scorecard = null, Person? Agent = null, DateOnly Today = default);
}
