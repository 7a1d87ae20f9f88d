namespace FeedbackBot.Data.Entities;

/// <summary>One round of collection and review of a plan, over a window of time, under one plan version.</summary>
public sealed class ReviewCycle
{
    public Guid Id { get; set; }
    public Guid PlanId { get; set; }
    public Plan? Plan { get; set; }
    public Guid PlanVersionId { get; set; }
    public PlanVersion? PlanVersion { get; set; }

    /// <summary>Start of the window, inclusive, UTC.</summary>
    public DateTime StartsAt { get; set; }

    /// <summary>End of the window, exclusive, UTC.</summary>
    public DateTime EndsAt { get; set; }

    public CycleState State { get; set; }

    /// <summary>The seed the sample was drawn with, so the draw can be reproduced.</summary>
    public int? SampleSeed { get; set; }

    /// <summary>
    /// When a manager's <c>start pulse</c> opened the cycle to everyone in the tenant the bot can reach, not only its
    /// sample; null when only those invited are asked. Someone the bot meets later can still ask for it (<c>my pulses</c>).
    /// </summary>
    public DateTime? OpenToEveryoneSince { get; set; }

    /// <summary>
    /// When the scheduler booked the cycle's close and first reminder; null until then. Set by one conditional update,
    /// so however many jobs try to book a cycle at once, one books it.
    /// </summary>
    public DateTime? StepsBookedAt { get; set; }

    public DateTime CreatedAt { get; set; }
}
