using FeedbackBot.CommandLine;
using FeedbackBot.Core.Improvement;
using FeedbackBot.Core.Reviews;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Actions;

/// <summary>
/// What a new review says of the plan's improvement actions: each recommendation already adopted (same key) says so,
/// and every action implemented before the cycle is checked (<see cref="CheckAction"/>, default windows) so the review
/// says what it did.
/// </summary>
internal static class ReviewActions
{
    public static async Task<Review> ApplyAsync(FeedbackDbContext db, Data.Entities.ReviewCycle cycle, Review review, DateTime now, CancellationToken cancellationToken)
    {
        var actions = await db.ImprovementActions.Include(a => a.Notes)
            .Where(a => a.PlanId == cycle.PlanId && a.Status != ImprovementActionStatus.Abandoned)
            .OrderBy(a => a.Number)
            .ToListAsync(cancellationToken);
        if (actions.Count == 0)
        {
            return review;
        }

        var outcomes = new List<ActionOutcome>();
        var cycleStart = DateOnly.FromDateTime(cycle.StartsAt);
        foreach (var action in actions.Where(a => a.ImplementedOn is { } on && on <= cycleStart && a.Kpi is not null))
        {
            try
            {
                var check = (await CheckAction.RunAsync(db, action, before: null, after: null, now, cancellationToken)).Check;
                outcomes.Add(new ActionOutcome(
                    action.Number, action.Title, check.Kpi, ImprovementActionStatuses.Name(action.Status), Verdict(check.Verdict),
                    check.Before.Value, check.After.Value, check.Change, check.PValue, check.Explanation));
            }
            catch (UsageException)
            {
                // A KPI that cannot be checked from answers (an operational one): nothing to say of it here.
            }
        }

        var recommendations = review.Recommendations.Select(r =>
            actions.FirstOrDefault(a => a.RecommendationKey == r.Key) is { } adopted
                ? r with { ActedOn = new ActedOn(adopted.Number, ImprovementActionStatuses.Name(adopted.Status)) }
                : r).ToList();
        return review with { Recommendations = recommendations, Actions = outcomes.Count == 0 ? null : outcomes };
    }

    private static string Verdict(ActionVerdict verdict) => verdict switch
    {
        ActionVerdict.Improved => "improved",
        ActionVerdict.NotImproved => "not_improved",
        _ => "inconclusive",
    };
}
