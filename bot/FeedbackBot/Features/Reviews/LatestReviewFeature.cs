using FeedbackBot.Conversations;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Features.Actions;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Reviews;

/// <summary><c>latest review [plan]</c>: the summary card of the newest stored review, with a signed report link.</summary>
internal sealed class LatestReviewFeature(FeedbackDbContext db, ReportLinks links)
{
    public async Task<BotReply> AnswerAsync(ConversationParty party, string? planKey, CancellationToken cancellationToken)
    {
        // Only this tenant's plans and reviews are ever looked at.
        var reviews = from r in db.Reviews.AsNoTracking()
                      join p in db.Plans.AsNoTracking() on r.PlanId equals p.Id
                      where p.TenantId == party.Tenant.Id && (planKey == null || p.Key == planKey)
                      orderby r.CreatedAt descending
                      select new { r.Id, r.PlanId, r.Document };
        var latest = await reviews.FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            var plans = await db.Plans.AsNoTracking().Where(p => p.TenantId == party.Tenant.Id).Select(p => p.Key).OrderBy(k => k).ToListAsync(cancellationToken);
            return new TextReply(planKey is not null && !plans.Contains(planKey)
                ? $"There is no plan **{planKey}** here. Plans: {(plans.Count == 0 ? "none yet" : string.Join(", ", plans))}."
                : planKey is null
                    ? "There is no review yet. Reviews appear when a cycle closes, or when someone runs **feedbackbot review**."
                    : $"There is no review of **{planKey}** yet.");
        }

        var review = await ReviewActions.ActedOnNowAsync(db, latest.PlanId, latest.Id, ReviewJson.Deserialize(latest.Document), cancellationToken);
        return ReviewSummary.From(review, await links.CreateAsync(latest.Id, cancellationToken), latest.Id);
    }
}
