namespace FeedbackBot.Data.Entities;

/// <summary>
/// A review as it was produced: a snapshot that never changes. Re-running a review of the same cycle stores a new
/// one; links to an old one keep showing what it said.
/// </summary>
public sealed class StoredReview
{
    public Guid Id { get; set; }
    public Guid PlanId { get; set; }
    public Plan? Plan { get; set; }
    public Guid CycleId { get; set; }
    public ReviewCycle? Cycle { get; set; }

    /// <summary>The review in its JSON contract (docs/review-json.md).</summary>
    public required string Document { get; set; }

    public DateTime CreatedAt { get; set; }
}
