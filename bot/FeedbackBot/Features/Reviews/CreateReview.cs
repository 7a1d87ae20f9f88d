using System.Diagnostics;
using FeedbackBot.Core.Reviews;
using FeedbackBot.Core.Reviews.Building;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Actions;
using FeedbackBot.Infrastructure.Telemetry;
using ReviewCycle = FeedbackBot.Data.Entities.ReviewCycle;

namespace FeedbackBot.Features.Reviews;

/// <summary>Reviews a cycle and stores the result as a new snapshot; earlier snapshots are never touched.</summary>
internal static class CreateReview
{
    public static async Task<(StoredReview Stored, Review Review)> RunAsync(
        FeedbackDbContext db, ReviewCycle cycle, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var span = BotTelemetry.Source.StartActivity("review.build");
        span?.SetTag("feedbackbot.cycle.id", cycle.Id.ToString("D"));
        var started = Stopwatch.GetTimestamp();
        try
        {
            var built = await BuildAsync(db, cycle, clock, cancellationToken);
            BotTelemetry.ReviewDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
            return built;
        }
        catch (Exception e) when (BotTelemetry.Failed(span, e))
        {
            throw;
        }
    }

    private static async Task<(StoredReview Stored, Review Review)> BuildAsync(
        FeedbackDbContext db, ReviewCycle cycle, TimeProvider clock, CancellationToken cancellationToken)
    {
        var input = await ReviewSources.LoadAsync(db, cycle, cancellationToken);
        var review = await ReviewActions.ApplyAsync(db, cycle, ReviewBuilder.Build(input), clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (IsOpen(cycle, clock.GetUtcNow().UtcDateTime))
        {
            review = review with { Cycle = review.Cycle with { Provisional = true } };
        }

        var stored = new StoredReview
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            PlanId = cycle.PlanId,
            CycleId = cycle.Id,
            Document = ReviewJson.Serialize(review, indented: false),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Reviews.Add(stored);
        await db.SaveChangesAsync(cancellationToken);
        return (stored, review);
    }

    /// <summary>Whether the cycle still takes answers: not closed, and its window not over.</summary>
    public static bool IsOpen(ReviewCycle cycle, DateTime now) => cycle.State == CycleState.Open && cycle.EndsAt > now;
}
