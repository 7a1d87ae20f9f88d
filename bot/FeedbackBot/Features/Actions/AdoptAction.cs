using FeedbackBot.CommandLine;
using FeedbackBot.Core.People;
using FeedbackBot.Core.Reviews;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Scorecards;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Actions;

/// <summary>
/// A review's recommendation adopted as an improvement action. The action keeps what the recommendation rested on: the
/// KPI (when it rests on one) with its value, n and interval in that review as the baseline, and the success
/// criterion (the KPI's target unless another is given). Adopting the same recommendation of the same review again
/// gives the action adopted before.
/// </summary>
internal static class AdoptAction
{
    public const int TitleLength = 300;
    public const int OwnerLength = 320;
    public const int TextLength = 2000;

    /// <summary>What adopting asks for.</summary>
    public sealed record Request(
        Guid ReviewId, string RecommendationId, string? Title, string Owner, DateOnly DueOn, string? Resources, decimal? Cost, double? Target, string CreatedBy);

    /// <summary>The action, and whether it was adopted now (false: adopted before, returned as it is).</summary>
    public static async Task<(ImprovementAction Action, bool Adopted)> RunAsync(
        FeedbackDbContext db, Tenant tenant, Request request, DateTime now, CancellationToken cancellationToken)
    {
        var owner = request.Owner.Trim();
        if (owner.Length is 0 or > OwnerLength || owner.Any(char.IsWhiteSpace))
        {
            throw new UsageException("--owner is the owner's work e-mail address or their Teams or Slack user id, in one word.");
        }

        // Addresses are kept as rosters keep them, in lower case, so the owner is recognised however it was typed.
        owner = WorkEmail.TryNormalize(owner, out var address) ? address : owner;

        if (request.DueOn < DateOnly.FromDateTime(now))
        {
            throw new UsageException($"--due {request.DueOn:yyyy-MM-dd} is in the past.");
        }

        if (request.Cost is < 0)
        {
            throw new UsageException("--cost cannot be negative.");
        }

        var stored = await (from r in db.Reviews.AsNoTracking()
                            join p in db.Plans.AsNoTracking() on r.PlanId equals p.Id
                            where r.Id == request.ReviewId && p.TenantId == tenant.Id
                            select new { r.Id, r.PlanId, r.Document }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new UsageException($"There is no review {request.ReviewId} in this tenant; 'feedbackbot review' prints each review's id.");
        var review = ReviewJson.Deserialize(stored.Document);
        var recommendation = review.Recommendations.FirstOrDefault(r => string.Equals(r.Id, request.RecommendationId.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException(review.Recommendations.Count == 0
                ? "That review has no recommendations."
                : $"That review has no recommendation '{request.RecommendationId}'; its recommendations are {string.Join(", ", review.Recommendations.Select(r => r.Id))}.");

        var existing = await db.ImprovementActions.Include(a => a.Notes)
            .SingleOrDefaultAsync(a => a.ReviewId == stored.Id && a.RecommendationId == recommendation.Id, cancellationToken);
        if (existing is not null)
        {
            return (existing, false);
        }

        var kpi = KpiOf(review, recommendation);
        var evidence = recommendation.Evidence;
        var people = await RosterPeople.ResolveAsync(db, tenant.Id, [owner], cancellationToken);
        var action = new ImprovementAction
        {
            Id = Guid.NewGuid(),
            TenantId = tenant.Id,
            PlanId = stored.PlanId,
            ReviewId = stored.Id,
            RecommendationId = recommendation.Id,
            RecommendationKey = recommendation.Key,
            Title = Trimmed(request.Title, TitleLength) ?? Trimmed(recommendation.Title, TitleLength)!,
            Feature = recommendation.Feature,
            Theme = recommendation.Theme,
            Kpi = kpi?.Id,
            Metric = kpi?.Metric ?? evidence.Metric,
            Direction = kpi?.Direction ?? DirectionOf(evidence.Metric),
            BaselineValue = kpi is null ? evidence.Value : kpi.Value,
            BaselineN = kpi is null ? evidence.N : kpi.N,
            BaselineLow = (kpi is null ? evidence.Ci95 : kpi.Ci95) is [var low, _] ? low : null,
            BaselineHigh = (kpi is null ? evidence.Ci95 : kpi.Ci95) is [_, var high] ? high : null,
            Target = request.Target ?? kpi?.Target ?? evidence.Target,
            Owner = owner,
            OwnerPersonId = people.GetValueOrDefault(owner),
            DueOn = request.DueOn,
            Resources = Trimmed(request.Resources, TextLength),
            Cost = request.Cost,
            Status = ImprovementActionStatus.Planned,
            CreatedAt = now,
            UpdatedAt = now,
            CreatedBy = request.CreatedBy,
        };
        action.Notes.Add(new ImprovementActionNote
        {
            Id = Guid.NewGuid(),
            At = now,
            Kind = ActionNotes.Status,
            Text = $"adopted from recommendation {recommendation.Id} of review {stored.Id:D}: planned",
            Author = request.CreatedBy,
        });

        // Numbers are the tenant's own, from 1; two adoptions at once collide on the unique index, and the later one
        // takes the next number.
        for (var attempt = 0; ; attempt++)
        {
            action.Number = 1 + (await db.ImprovementActions.Where(a => a.TenantId == tenant.Id).MaxAsync(a => (int?)a.Number, cancellationToken) ?? 0);
            db.ImprovementActions.Add(action);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (action, true);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
                if (await db.ImprovementActions.Include(a => a.Notes)
                        .SingleOrDefaultAsync(a => a.ReviewId == stored.Id && a.RecommendationId == recommendation.Id, cancellationToken) is { } first)
                {
                    return (first, false);
                }
            }
        }
    }

    // The KPI a recommendation rests on: the review's KPI of its evidence's metric, on its feature when it names one.
    internal static MetricResult? KpiOf(Review review, Recommendation recommendation) =>
        review.Metrics.FirstOrDefault(m => m.Metric == recommendation.Evidence.Metric && m.Feature == recommendation.Feature)
        ?? review.Metrics.FirstOrDefault(m => m.Metric == recommendation.Evidence.Metric);

    // Without a KPI: a theme's share of negative comments, like the complaints, is better lower; a pass rate higher.
    private static string DirectionOf(string metric) =>
        metric.StartsWith("theme:", StringComparison.Ordinal) || metric.StartsWith("complaint", StringComparison.Ordinal) ? "lower" : "higher";

    private static string? Trimmed(string? text, int length) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim() is var t && t.Length <= length ? t : t[..length];
}
