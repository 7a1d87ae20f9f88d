using FeedbackBot.Core.Scorecards;
using FeedbackBot.Data;
using FeedbackBot.Features.Cycles;
using FeedbackBot.Features.Imports;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Scorecards;

/// <summary>A plan's stored evaluations as Core's reports read them.</summary>
internal static class QaEvaluations
{
    /// <summary>
    /// The plan's evaluations made in <paramref name="period"/> (all when null), with their stored scores: an evaluation
    /// keeps the score of the scorecard it was made on. Answers are read on the current scorecards; one that no longer
    /// fits its criterion (a criterion removed or its scale changed) is left out as a missing value. Evaluations scored
    /// in a calibration session only count for comparing evaluators (<paramref name="calibrationOnlyToo"/>): in an agent's
    /// figures, three evaluators' scores of one call would weigh three times.
    /// </summary>
    public static async Task<List<QaEvaluation>> LoadAsync(
        FeedbackDbContext db, ImportPlan plan, IReadOnlyList<Scorecard> scorecards, CycleDates? period, bool calibrationOnlyToo, CancellationToken cancellationToken)
    {
        var query = db.Evaluations.AsNoTracking().Include(e => e.Answers).Where(e => e.PlanId == plan.Entity.Id && (calibrationOnlyToo || !e.Calibration));
        if (period is not null)
        {
            query = query.Where(e => e.EvaluatedAt >= period.StartsAt && e.EvaluatedAt < period.EndsAt);
        }

        var stored = await query.ToListAsync(cancellationToken);
        return [.. stored
            .OrderBy(e => e.EvaluatedAt)
            .ThenBy(e => e.EvaluationKey, StringComparer.Ordinal)
            .Select(e => StoredEvaluation.Read(
                e.EvaluationKey,
                e.InteractionKey,
                e.Agent,
                e.Evaluator,
                e.ScorecardId,
                e.Channel,
                e.EvaluatedAt,
                e.Answers.Select(a => (a.CriterionId, a.Answer)),
                new EvaluationScore(e.Score, e.CriticalFail, e.Passed),
                scorecards))];
    }
}
