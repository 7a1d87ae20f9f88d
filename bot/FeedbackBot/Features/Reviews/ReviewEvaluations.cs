using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Scorecards;
using FeedbackBot.Data;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Reviews;

/// <summary>A plan's QA evaluations of the interactions in a cycle, as the review's quality monitoring reads them.</summary>
internal static class ReviewEvaluations
{
    /// <summary>
    /// The evaluations whose interaction happened in [<paramref name="start"/>, <paramref name="end"/>), or, for those
    /// without the interaction's date, that were made then: the review is about the service customers had in the cycle.
    /// Empty when the plan has no scorecards. Answers are read on the cycle's scorecards; one that no longer fits its
    /// criterion is left out as a missing value, while the evaluation keeps its stored score. Calibration-only scoring is
    /// left out: it compares evaluators, and would count one interaction several times.
    /// </summary>
    public static async Task<List<QaEvaluation>> LoadAsync(
        FeedbackDbContext db, Guid planId, MeasurementPlan plan, DateTime start, DateTime end, CancellationToken cancellationToken)
    {
        if (plan.Scorecards is not { Count: > 0 } scorecards)
        {
            return [];
        }

        // A review is posted to channels, so who was evaluated and who evaluated are not even read: nothing
        // downstream can leak a name it never had.
        var stored = await db.Evaluations.AsNoTracking()
            .Where(e => e.PlanId == planId && !e.Calibration
                && ((e.InteractionAt != null && e.InteractionAt >= start && e.InteractionAt < end)
                    || (e.InteractionAt == null && e.EvaluatedAt >= start && e.EvaluatedAt < end)))
            .Select(e => new
            {
                e.EvaluationKey,
                e.InteractionKey,
                e.ScorecardId,
                e.Channel,
                e.EvaluatedAt,
                e.Score,
                e.CriticalFail,
                e.Passed,
                Answers = e.Answers.Select(a => new { a.CriterionId, a.Answer }).ToList(),
            })
            .ToListAsync(cancellationToken);

        return [.. stored.OrderBy(e => e.EvaluatedAt).ThenBy(e => e.EvaluationKey, StringComparer.Ordinal).Select(e => StoredEvaluation.Read(
            e.EvaluationKey,
            e.InteractionKey,
            agent: string.Empty,
            evaluator: string.Empty,
            e.ScorecardId,
            e.Channel,
            e.EvaluatedAt,
            e.Answers.Select(a => (a.CriterionId, a.Answer)),
            new EvaluationScore(e.Score, e.CriticalFail, e.Passed),
            scorecards))];
    }
}
