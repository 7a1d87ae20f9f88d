using FeedbackBot.Core.People;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Reviews;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Actions;
using FeedbackBot.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Reviews;

/// <summary>Where a plan's reviews are posted, and what its weekly summary says.</summary>
internal sealed class ReviewPosts(FeedbackDbContext db, ILogger<ReviewPosts> log)
{
    public static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <summary>
    /// The plan's <c>post_to</c> channels on the tenant's own platform. A channel on the other platform cannot be
    /// reached from this tenant and is skipped with a warning. The playground has no channels: there the managers'
    /// and admins' own conversations receive the posts.
    /// </summary>
    public async Task<IReadOnlyList<PostDestination>> TargetsAsync(Tenant tenant, MeasurementPlan plan, CancellationToken cancellationToken)
    {
        if (tenant.Channel == TenantChannel.Local)
        {
            var conversations = await (from r in db.ConversationReferences
                                       join p in db.People on r.PersonId equals p.Id
                                       where r.TenantId == tenant.Id && p.Role != PersonRole.Staff
                                       select r.ConversationId).Distinct().ToListAsync(cancellationToken);
            return [.. conversations.Order(StringComparer.Ordinal).Select(c => new PostDestination(TenantChannel.Local, c))];
        }

        var platform = tenant.Channel == TenantChannel.Teams ? ChatChannel.Teams : ChatChannel.Slack;
        var elsewhere = plan.PostTo.Count(t => t.Channel != platform);
        if (elsewhere > 0)
        {
            log.LogWarning("{Count} of plan {Plan}'s post_to channels are on another platform than its tenant and are skipped", elsewhere, plan.Id);
        }

        return [.. plan.PostTo.Where(t => t.Channel == platform).Select(t => new PostDestination(tenant.Channel, t.Conversation))];
    }

    /// <summary>The weekly summary of a plan as chat markdown, or null when it has no review yet.</summary>
    public async Task<string?> WeeklySummaryAsync(Plan plan, DateTime now, DateOnly today, CancellationToken cancellationToken)
    {
        var reviews = db.Reviews.AsNoTracking().Where(r => r.PlanId == plan.Id).OrderByDescending(r => r.CreatedAt);
        var latest = await reviews.Select(r => new { r.Id, r.Document }).FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            return null;
        }

        // Recommendations adopted since the review was made say so, rather than reading as still waiting for someone.
        var review = await ReviewActions.ActedOnNowAsync(db, plan.Id, latest.Id, ReviewJson.Deserialize(latest.Document), cancellationToken);
        var weekAgo = await reviews.Where(r => r.CreatedAt <= now - Week).Select(r => r.Document).FirstOrDefaultAsync(cancellationToken);
        return WeeklySummary.Between(review, weekAgo is null ? null : ReviewJson.Deserialize(weekAgo), today).ToMarkdown();
    }
}
