using System.Globalization;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.Scorecards;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Coaching;

/// <summary>Turns stored evaluations into what chat shows: read against the scorecard of the plan version they were scored on.</summary>
internal sealed class EvaluationViews(FeedbackDbContext db)
{
    /// <summary>The evaluation with its answers and action plan, or null when it is not the tenant's.</summary>
    public Task<Evaluation?> FindAsync(Guid tenantId, Guid evaluationId, CancellationToken cancellationToken) =>
        db.Evaluations.Include(e => e.Answers).Include(e => e.CoachingActions)
            .SingleOrDefaultAsync(e => e.Id == evaluationId && e.TenantId == tenantId, cancellationToken);

    /// <summary>The plan key and scorecard an evaluation was scored on.</summary>
    public async Task<(string PlanKey, Scorecard? Scorecard)> ScorecardAsync(Evaluation evaluation, CancellationToken cancellationToken)
    {
        var found = await (from v in db.PlanVersions.AsNoTracking()
                           join p in db.Plans.AsNoTracking() on v.PlanId equals p.Id
                           where v.Id == evaluation.PlanVersionId
                           select new { p.Key, v.Definition }).SingleAsync(cancellationToken);
        return (found.Key, PlanJson.Deserialize(found.Definition).FindScorecard(evaluation.ScorecardId));
    }

    public async Task<EvaluationView> BuildAsync(Evaluation evaluation, string title, string? note, SurveyPrompt? form, CancellationToken cancellationToken)
    {
        var (_, scorecard) = await ScorecardAsync(evaluation, cancellationToken);
        var names = await NamesAsync(evaluation, cancellationToken);
        var lines = new List<EvaluationLine>();
        foreach (var criterion in scorecard?.Criteria ?? [])
        {
            if (evaluation.Answers.FirstOrDefault(a => a.CriterionId == criterion.Id) is not { } stored
                || !CriterionAnswer.TryParse(stored.Answer, criterion, out var answer, out _))
            {
                continue;
            }

            lines.Add(new EvaluationLine(criterion.Text, ScorecardForms.AnswerLabel(answer), criterion.Passes(answer), criterion.Critical, stored.Comment));
        }

        return new EvaluationView(
            title,
            names.Agent,
            names.Evaluator,
            scorecard?.Name ?? evaluation.ScorecardId,
            evaluation.InteractionKey,
            evaluation.Channel.Replace('_', ' '),
            evaluation.InteractionAt is { } at ? DateOnly.FromDateTime(at) : null,
            evaluation.Score,
            evaluation.Score is null ? null : evaluation.Passed,
            evaluation.CriticalFail,
            scorecard?.PassMark ?? 0,
            lines,
            evaluation.WentWell,
            evaluation.ToImprove,
            AnswerText(evaluation, names.Agent),
            evaluation.Reflection,
            [.. evaluation.CoachingActions.OrderBy(a => a.DueOn).ThenBy(a => a.CreatedAt).Select(Step)],
            note,
            form);
    }

    /// <summary>The agent's and evaluator's names as chat shows them: their roster names, else as the evaluation names them.</summary>
    public async Task<(string Agent, string Evaluator)> NamesAsync(Evaluation evaluation, CancellationToken cancellationToken)
    {
        var ids = new[] { evaluation.AgentPersonId, evaluation.EvaluatorPersonId }.OfType<Guid>().ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
        return (
            evaluation.AgentPersonId is { } agent && people.TryGetValue(agent, out var agentName) ? agentName : evaluation.Agent,
            evaluation.EvaluatorPersonId is { } evaluator && people.TryGetValue(evaluator, out var evaluatorName) ? evaluatorName : evaluation.Evaluator);
    }

    private static string? AnswerText(Evaluation evaluation, string agent)
    {
        var lines = new List<string>();
        if (evaluation.DiscussRequestedAt is { } discuss)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{agent} asked to discuss it on {discuss:d MMM yyyy}: {evaluation.DiscussReason}"));
        }

        if (evaluation.AcknowledgedAt is { } acknowledged)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{agent} acknowledged it on {acknowledged:d MMM yyyy}."));
        }

        return lines.Count == 0 ? null : string.Join('\n', lines);
    }

    private static CoachingStep Step(CoachingAction action) =>
        new(action.What, action.Support, action.DueOn, action.State.ToString().ToLowerInvariant());
}
