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
            // Once improved, the before/after question is settled: each later cycle only has to keep the KPI at its target.
            if (action.Status is ImprovementActionStatus.Improved or ImprovementActionStatus.Sustained or ImprovementActionStatus.Regressed)
            {
                if (await SustainAsync(db, action, cycle, review, now, cancellationToken) is { } held)
                {
                    outcomes.Add(held);
                }

                continue;
            }

            try
            {
                var check = (await CheckAction.RunAsync(db, action, before: null, after: null, now, cancellationToken)).Check;
                if (action.Status == ImprovementActionStatus.Improved)
                {
                    // Improved as of this cycle: the cycles after it count towards sustaining the gain.
                    action.CyclesHeld = 0;
                    action.LastHeldCycleId = cycle.Id;
                    await db.SaveChangesAsync(cancellationToken);
                }

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

    /// <summary>
    /// The review with each recommendation marked as it stands now: adopted since the review was made (from it, or the
    /// same advice from another review), so a summary asked for later offers no Adopt button for advice already taken.
    /// </summary>
    public static async Task<Review> ActedOnNowAsync(FeedbackDbContext db, Guid planId, Guid reviewId, Review review, CancellationToken cancellationToken)
    {
        var actions = await db.ImprovementActions.AsNoTracking()
            .Where(a => a.PlanId == planId && a.Status != ImprovementActionStatus.Abandoned)
            .OrderBy(a => a.Number)
            .Select(a => new { a.Number, a.Status, a.ReviewId, a.RecommendationId, a.RecommendationKey })
            .ToListAsync(cancellationToken);
        if (actions.Count == 0)
        {
            return review;
        }

        var recommendations = review.Recommendations.Select(r =>
            (actions.FirstOrDefault(a => a.ReviewId == reviewId && a.RecommendationId == r.Id) ?? actions.FirstOrDefault(a => a.RecommendationKey == r.Key)) is { } adopted
                ? r with { ActedOn = new ActedOn(adopted.Number, ImprovementActionStatuses.Name(adopted.Status)) }
                : r).ToList();
        return review with { Recommendations = recommendations };
    }

    /// <summary>
    /// The cycle reviewed, for an action that improved: meeting the target (the KPI's value on its good side) counts
    /// one more cycle held, and the plan's <c>sustain_cycles</c> in a row make it sustained; missing it makes it
    /// regressed, and the owner and the plan's channels are told. A cycle is counted once however often it is reviewed.
    /// </summary>
    private static async Task<ActionOutcome?> SustainAsync(
        FeedbackDbContext db, ImprovementAction action, Data.Entities.ReviewCycle cycle, Review review, DateTime now, CancellationToken cancellationToken)
    {
        var metric = review.Metrics.FirstOrDefault(m => m.Id == action.Kpi);
        if (metric?.Value is not { } value || action.Target is not { } target)
        {
            return null;
        }

        var plan = await db.Plans.AsNoTracking().Include(p => p.Tenant).SingleAsync(p => p.Id == action.PlanId, cancellationToken);
        var definition = Core.Serialization.PlanJson.Deserialize(await db.PlanVersions.AsNoTracking()
            .Where(v => v.PlanId == plan.Id && v.Number == plan.CurrentVersion).Select(v => v.Definition).SingleAsync(cancellationToken));
        var needed = definition.SustainCyclesOrDefault;
        var met = action.Direction == "lower" ? value <= target : value >= target;
        if (action.LastHeldCycleId != cycle.Id && action.Status != ImprovementActionStatus.Regressed)
        {
            action.LastHeldCycleId = cycle.Id;
            action.UpdatedAt = now;
            var before = action.Status;
            if (met)
            {
                action.CyclesHeld++;
                if (action.Status == ImprovementActionStatus.Improved && action.CyclesHeld >= needed)
                {
                    action.Status = ImprovementActionStatus.Sustained;
                }
            }
            else
            {
                action.CyclesHeld = 0;
                action.Status = ImprovementActionStatus.Regressed;
                await TellAboutRegressionAsync(db, plan.Tenant!, definition, action, value, target, now, cancellationToken);
            }

            db.ImprovementActionNotes.Add(new ImprovementActionNote
            {
                Id = Guid.NewGuid(),
                ActionId = action.Id,
                At = now,
                Kind = before == action.Status ? ActionNotes.Check : ActionNotes.Status,
                Text = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{ImprovementActionStatuses.Name(action.Status)}: {action.Kpi} {value:0.##} against {target:0.##} in {cycle.StartsAt:yyyy-MM-dd}..{cycle.EndsAt.AddDays(-1):yyyy-MM-dd}; held {action.CyclesHeld} of {needed} cycles"),
                Author = "bot",
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        var status = ImprovementActionStatuses.Name(action.Status);
        var sentence = action.Status switch
        {
            ImprovementActionStatus.Regressed => $"The KPI fell back to the wrong side of {target:0.##}: the gain did not hold.",
            ImprovementActionStatus.Sustained => $"The KPI has met {target:0.##} for {action.CyclesHeld} cycles in a row: the gain holds.",
            _ => $"The KPI met {target:0.##} again: {action.CyclesHeld} of {needed} cycles in a row to call the gain sustained.",
        };
        return new ActionOutcome(action.Number, action.Title, action.Kpi!, status, status, null, value, null, null, sentence);
    }

    private static async Task TellAboutRegressionAsync(
        FeedbackDbContext db, Tenant tenant, Core.Plans.MeasurementPlan plan, ImprovementAction action, double value, double target, DateTime now, CancellationToken cancellationToken)
    {
        var text = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Action {action.Number} regressed: **{action.Title}**. {action.Kpi} is {value:0.##}, back on the wrong side of {target:0.##} after it had improved. See 'feedbackbot actions show {action.Number}'.");
        var body = new System.Text.Json.Nodes.JsonObject { ["text"] = text }.ToJsonString();
        if (action.OwnerPersonId is { } owner)
        {
            db.Outbox.Add(new OutboxMessage
            {
                Id = Guid.NewGuid(),
                TenantId = tenant.Id,
                Kind = OutboxKind.ActionNotice,
                DedupeKey = $"action-regressed:{action.Id:N}:{action.LastHeldCycleId:N}:owner",
                PersonId = owner,
                Body = body,
                State = OutboxState.Pending,
                NextAttemptAt = now,
                CreatedAt = now,
            });
        }

        var targets = await new Reviews.ReviewPosts(db, Microsoft.Extensions.Logging.Abstractions.NullLogger<Reviews.ReviewPosts>.Instance).TargetsAsync(tenant, plan, cancellationToken);
        foreach (var target_ in targets)
        {
            db.Outbox.Add(Infrastructure.Outbox.OutboxRows.ToChannel(
                tenant.Id, OutboxKind.ActionNotice, $"action-regressed:{action.Id:N}:{action.LastHeldCycleId:N}:{target_.Key}", target_, null, text, now));
        }
    }

    private static string Verdict(ActionVerdict verdict) => verdict switch
    {
        ActionVerdict.Improved => "improved",
        ActionVerdict.NotImproved => "not_improved",
        _ => "inconclusive",
    };
}
