using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Reviews;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.FeedbackLog;
using Microsoft.EntityFrameworkCore;
using ReviewCycle = FeedbackBot.Data.Entities.ReviewCycle;

namespace FeedbackBot.Features.Reviews;

/// <summary>Gathers everything a review of one cycle is built from: its responses, the previous cycle's, invitations, complaints, operational figures, companion plans, and QA evaluations.</summary>
internal static class ReviewSources
{
    public static async Task<ReviewInput> LoadAsync(FeedbackDbContext db, ReviewCycle cycle, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == cycle.PlanId, cancellationToken);
        var version = await db.PlanVersions.AsNoTracking().SingleAsync(v => v.Id == cycle.PlanVersionId, cancellationToken);
        var definition = PlanJson.Deserialize(version.Definition);
        var window = new CycleWindow(cycle.StartsAt, cycle.EndsAt);
        var current = await CycleResponses.AnalyseAsync(db, cycle.Id, definition, window, cancellationToken);

        // The previous cycle is the latest one of the same plan that started before this one.
        var previousCycle = await db.ReviewCycles.AsNoTracking()
            .Where(c => c.PlanId == cycle.PlanId && c.StartsAt < cycle.StartsAt)
            .OrderByDescending(c => c.StartsAt)
            .FirstOrDefaultAsync(cancellationToken);
        CycleTallies? previous = null;
        if (previousCycle is not null)
        {
            // The previous cycle is analysed under the current cycle's plan version, so questions and KPIs line up.
            previous = await CycleResponses.AnalyseAsync(
                db, previousCycle.Id, definition, new CycleWindow(previousCycle.StartsAt, previousCycle.EndsAt), cancellationToken);
        }

        var hasComplaints = await db.Complaints.AnyAsync(c => c.PlanId == plan.Id, cancellationToken);
        var complaints = await ComplaintsAsync(db, plan.Id, cycle.StartsAt, cycle.EndsAt, cancellationToken);
        var previousComplaints = previousCycle is null || !hasComplaints
            ? null
            : await ComplaintsAsync(db, plan.Id, previousCycle.StartsAt, previousCycle.EndsAt, cancellationToken);

        return new ReviewInput(
            definition,
            version.Number,
            current,
            previous,
            await InvitationsAsync(db, cycle.Id, definition, cancellationToken),
            previousCycle is null ? null : await InvitationsAsync(db, previousCycle.Id, definition, cancellationToken),
            complaints,
            previousComplaints,
            await FeedbackAsync(db, plan.TenantId, definition, cycle.StartsAt, cycle.EndsAt, cancellationToken),
            await OperationalAsync(db, plan.Id, cycle.StartsAt, cycle.EndsAt, cancellationToken),
            previousCycle is null ? [] : await OperationalAsync(db, plan.Id, previousCycle.StartsAt, previousCycle.EndsAt, cancellationToken),
            await CompanionsAsync(db, plan, definition, cycle, cancellationToken),
            ReviewRules.Default,
            await ReviewEvaluations.LoadAsync(db, plan.Id, definition, cycle.StartsAt, cycle.EndsAt, cancellationToken),
            await LoggedAsync(db, plan.TenantId, definition, cycle.StartsAt, cycle.EndsAt, cancellationToken),
            await EarlierCyclesAsync(db, cycle, hasComplaints, cancellationToken),
            await InteractionsAsync(db, plan.TenantId, cycle.StartsAt, cycle.EndsAt, cancellationToken));
    }

    /// <summary>How many earlier cycles complaint trends and the daily checks look back over.</summary>
    public const int EarlierCyclesLoaded = 5;

    // The latest earlier cycles of the plan, most recent first, with what was imported for them.
    private static async Task<List<EarlierCycle>> EarlierCyclesAsync(
        FeedbackDbContext db, ReviewCycle cycle, bool hasComplaints, CancellationToken cancellationToken)
    {
        var windows = await db.ReviewCycles.AsNoTracking()
            .Where(c => c.PlanId == cycle.PlanId && c.StartsAt < cycle.StartsAt)
            .OrderByDescending(c => c.StartsAt)
            .Take(EarlierCyclesLoaded)
            .Select(c => new { c.StartsAt, c.EndsAt })
            .ToListAsync(cancellationToken);
        var earlier = new List<EarlierCycle>();
        foreach (var window in windows)
        {
            earlier.Add(new EarlierCycle(
                new CycleSpan(window.StartsAt, window.EndsAt),
                hasComplaints ? await ComplaintsAsync(db, cycle.PlanId, window.StartsAt, window.EndsAt, cancellationToken) : [],
                await OperationalAsync(db, cycle.PlanId, window.StartsAt, window.EndsAt, cancellationToken)));
        }

        return earlier;
    }

    // The tenant's interaction log in the cycle's window; null when the log has nothing then, so no rate is guessed.
    private static async Task<long?> InteractionsAsync(
        FeedbackDbContext db, Guid tenantId, DateTime start, DateTime end, CancellationToken cancellationToken)
    {
        var count = await db.MonitoredInteractions.LongCountAsync(
            i => i.TenantId == tenantId && i.StartedAt >= start && i.StartedAt < end, cancellationToken);
        return count > 0 ? count : null;
    }

    private static async Task<List<ComplaintRecord>> ComplaintsAsync(
        FeedbackDbContext db, Guid planId, DateTime start, DateTime end, CancellationToken cancellationToken) =>
        await db.Complaints.AsNoTracking()
            .Where(c => c.PlanId == planId && c.ReceivedAt >= start && c.ReceivedAt < end)
            .OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id)
            .Select(c => new ComplaintRecord(c.ReceivedAt, c.Category, c.Channel, c.Segment, c.Text, c.ResolvedAt))
            .ToListAsync(cancellationToken);

    // Customer feedback staff logged in chat about the plan's features, within the cycle's window.
    private static async Task<List<Comment>> FeedbackAsync(
        FeedbackDbContext db, Guid tenantId, MeasurementPlan plan, DateTime start, DateTime end, CancellationToken cancellationToken)
    {
        var features = plan.Features.ToList();
        return await db.FeedbackEntries.AsNoTracking()
            .Where(f => f.TenantId == tenantId && f.ReceivedAt >= start && f.ReceivedAt < end && features.Contains(f.Feature))
            .OrderBy(f => f.ReceivedAt).ThenBy(f => f.Id)
            .Select(f => new Comment(f.Text, "feedback", Audience.Customer, null))
            .ToListAsync(cancellationToken);
    }

    // The same entries with the feature and kind the comments above drop, so logged praise can be a strength.
    private static async Task<List<LoggedFeedback>> LoggedAsync(
        FeedbackDbContext db, Guid tenantId, MeasurementPlan plan, DateTime start, DateTime end, CancellationToken cancellationToken)
    {
        var features = plan.Features.ToList();
        return await db.FeedbackEntries.AsNoTracking()
            .Where(f => f.TenantId == tenantId && f.ReceivedAt >= start && f.ReceivedAt < end && features.Contains(f.Feature))
            .OrderBy(f => f.ReceivedAt).ThenBy(f => f.Id)
            .Select(f => new LoggedFeedback(f.Feature, f.Kind == LogFeedbackFeature.Praise, f.Text))
            .ToListAsync(cancellationToken);
    }

    private static async Task<List<OperationalObservation>> OperationalAsync(
        FeedbackDbContext db, Guid planId, DateTime start, DateTime end, CancellationToken cancellationToken)
    {
        var first = DateOnly.FromDateTime(start);
        var last = DateOnly.FromDateTime(end.AddTicks(-1));
        return await db.OperationalMetricValues.AsNoTracking()
            .Where(v => v.PlanId == planId && v.Date >= first && v.Date <= last)
            .OrderBy(v => v.Metric).ThenBy(v => v.Date).ThenBy(v => v.Segment)
            .Select(v => new OperationalObservation(v.Date, v.Metric, v.Segment, v.Value))
            .ToListAsync(cancellationToken);
    }

    private static async Task<InvitationCounts?> InvitationsAsync(
        FeedbackDbContext db, Guid cycleId, MeasurementPlan plan, CancellationToken cancellationToken)
    {
        var invited = await db.Invitations.CountAsync(i => i.CycleId == cycleId, cancellationToken);
        if (invited == 0)
        {
            return null;
        }

        var attribute = plan.Sample.StratifyBy;
        var bySegment = attribute is null
            ? new Dictionary<string, int>(StringComparer.Ordinal)
            : await (from i in db.Invitations.AsNoTracking()
                     where i.CycleId == cycleId
                     join s in db.PersonSegments.AsNoTracking().Where(s => s.Name == attribute) on i.PersonId equals s.PersonId
                     group s by s.Value into g
                     select new { Segment = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Segment, g => g.Count, StringComparer.Ordinal, cancellationToken);

        // A customer invitation carries the segment it was drawn in, which its response carries too.
        var customers = await db.Invitations.AsNoTracking()
            .Where(i => i.CycleId == cycleId && i.PersonId == null && i.Segment != null)
            .GroupBy(i => i.Segment!)
            .Select(g => new { Segment = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        foreach (var group in customers)
        {
            bySegment[group.Segment] = bySegment.GetValueOrDefault(group.Segment) + group.Count;
        }

        return new InvitationCounts(invited, bySegment);
    }

    // Other plans of the tenant whose cycles overlap this one and ask another audience about the same features.
    private static async Task<List<Companion>> CompanionsAsync(
        FeedbackDbContext db, Plan plan, MeasurementPlan definition, ReviewCycle cycle, CancellationToken cancellationToken)
    {
        var candidates = await (from c in db.ReviewCycles.AsNoTracking()
                                join p in db.Plans.AsNoTracking() on c.PlanId equals p.Id
                                join v in db.PlanVersions.AsNoTracking() on c.PlanVersionId equals v.Id
                                where p.TenantId == plan.TenantId && p.Id != plan.Id && c.StartsAt < cycle.EndsAt && c.EndsAt > cycle.StartsAt
                                orderby p.Key, c.StartsAt descending
                                select new { c.Id, p.Key, c.StartsAt, c.EndsAt, v.Definition })
            .ToListAsync(cancellationToken);

        var companions = new List<Companion>();
        foreach (var candidate in candidates.GroupBy(c => c.Key).Select(g => g.First()))
        {
            var other = PlanJson.Deserialize(candidate.Definition);
            if (!other.Features.Intersect(definition.Features, StringComparer.Ordinal).Any()
                || !other.Audiences.Except(definition.Audiences).Any())
            {
                continue;
            }

            var tallies = await CycleResponses.AnalyseAsync(db, candidate.Id, other, new CycleWindow(candidate.StartsAt, candidate.EndsAt), cancellationToken);
            companions.Add(new Companion(other, tallies));
        }

        return companions;
    }
}
