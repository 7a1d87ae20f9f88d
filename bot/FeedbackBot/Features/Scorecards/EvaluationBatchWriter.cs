using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Imports;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Scorecards;

/// <summary>
/// Stores batches of a plan's evaluations, by <c>evaluation_id</c>: a new id is added, a known one updated with what
/// the row says (rescored on the plan's current version), and a row that says what is stored already changes
/// nothing, so importing the same file again is a no-op and a corrected export can simply be imported again.
/// </summary>
internal sealed class EvaluationBatchWriter(FeedbackDbContext db, ImportPlan plan, DateTime now) : IBatchWriter<EvaluationRow>
{
    public async Task WriteAsync(IReadOnlyList<EvaluationRow> rows, ImportCounts counts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(counts);
        var keys = rows.Select(r => r.Key).Distinct(StringComparer.Ordinal).ToList();
        var stored = await db.Evaluations
            .Include(e => e.Answers)
            .Where(e => e.PlanId == plan.Entity.Id && keys.Contains(e.EvaluationKey))
            .ToDictionaryAsync(e => e.EvaluationKey, StringComparer.Ordinal, cancellationToken);
        var people = await RosterPeople.ResolveAsync(db, plan.Tenant.Id, rows.SelectMany(r => new[] { r.Agent, r.Evaluator }), cancellationToken);

        foreach (var row in rows)
        {
            if (!stored.TryGetValue(row.Key, out var evaluation))
            {
                evaluation = new Evaluation
                {
                    Id = Guid.NewGuid(),
                    TenantId = plan.Tenant.Id,
                    PlanId = plan.Entity.Id,
                    EvaluationKey = row.Key,
                    InteractionKey = row.InteractionKey,
                    Agent = row.Agent,
                    Evaluator = row.Evaluator,
                    ScorecardId = row.ScorecardId,
                    Channel = row.Channel,
                    WentWell = row.WentWell,
                    ToImprove = row.ToImprove,
                    CreatedAt = now,
                };
                Apply(evaluation, row, people);
                db.Evaluations.Add(evaluation);
                stored[row.Key] = evaluation;
                counts.Added++;
            }
            else if (Apply(evaluation, row, people))
            {
                counts.Updated++;
            }
            else
            {
                counts.Unchanged++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>Sets what the row gives; whether anything changed. The agent's acknowledgement and reflection are kept.</summary>
    private bool Apply(Evaluation evaluation, EvaluationRow row, Dictionary<string, Guid?> people)
    {
        var agent = people.GetValueOrDefault(row.Agent);
        var evaluator = people.GetValueOrDefault(row.Evaluator);
        var passed = row.Result.Passed == true;
        var changed = evaluation.PlanVersionId != plan.CurrentVersionId
            || !string.Equals(evaluation.InteractionKey, row.InteractionKey, StringComparison.Ordinal)
            || !string.Equals(evaluation.Agent, row.Agent, StringComparison.Ordinal)
            || !string.Equals(evaluation.Evaluator, row.Evaluator, StringComparison.Ordinal)
            || !string.Equals(evaluation.ScorecardId, row.ScorecardId, StringComparison.Ordinal)
            || !string.Equals(evaluation.Channel, row.Channel, StringComparison.Ordinal)
            || evaluation.EvaluatedAt != row.EvaluatedAt
            || evaluation.InteractionAt != row.InteractionAt
            || evaluation.Score != row.Result.Score
            || evaluation.CriticalFail != row.Result.CriticalFail
            || evaluation.Passed != passed
            || !string.Equals(evaluation.WentWell, row.WentWell, StringComparison.Ordinal)
            || !string.Equals(evaluation.ToImprove, row.ToImprove, StringComparison.Ordinal)
            || evaluation.AgentPersonId != agent
            || evaluation.EvaluatorPersonId != evaluator
            || evaluation.Calibration != row.Calibration;
        evaluation.PlanVersionId = plan.CurrentVersionId;
        evaluation.InteractionKey = row.InteractionKey;
        evaluation.Agent = row.Agent;
        evaluation.Evaluator = row.Evaluator;
        evaluation.ScorecardId = row.ScorecardId;
        evaluation.Channel = row.Channel;
        evaluation.EvaluatedAt = row.EvaluatedAt;
        evaluation.InteractionAt = row.InteractionAt;
        evaluation.Score = row.Result.Score;
        evaluation.CriticalFail = row.Result.CriticalFail;
        evaluation.Passed = passed;
        evaluation.WentWell = row.WentWell;
        evaluation.ToImprove = row.ToImprove;
        evaluation.AgentPersonId = agent;
        evaluation.EvaluatorPersonId = evaluator;
        evaluation.Calibration = row.Calibration;
        return ApplyAnswers(evaluation, row) | changed;
    }

    /// <summary>
    /// Updates the answers in place rather than replacing them: an answer's key is its criterion, and a comment given
    /// in chat stays with its criterion when the file does not change that answer.
    /// </summary>
    private bool ApplyAnswers(Evaluation evaluation, EvaluationRow row)
    {
        var changed = false;
        foreach (var gone in evaluation.Answers.Where(a => !row.Answers.ContainsKey(a.CriterionId)).ToList())
        {
            evaluation.Answers.Remove(gone);
            db.EvaluationAnswers.Remove(gone);
            changed = true;
        }

        foreach (var (criterion, answer) in row.Answers)
        {
            var text = answer.ToString();
            if (evaluation.Answers.FirstOrDefault(a => a.CriterionId == criterion) is not { } stored)
            {
                evaluation.Answers.Add(new EvaluationAnswer { EvaluationId = evaluation.Id, CriterionId = criterion, Answer = text });
                changed = true;
            }
            else if (stored.Answer != text)
            {
                stored.Answer = text;
                changed = true;
            }
        }

        return changed;
    }
}
