namespace FeedbackBot.Data.Entities;

/// <summary>One entry of a complaints log, imported for a plan.</summary>
public sealed class Complaint
{
    public Guid Id { get; set; }
    public Guid PlanId { get; set; }
    public Plan? Plan { get; set; }
    public DateTime ReceivedAt { get; set; }
    public required string Category { get; set; }

    /// <summary>How the complaint came in (phone, email, ...), if the log says.</summary>
    public string? Channel { get; set; }

    public string? Segment { get; set; }
    public required string Text { get; set; }
    public DateTime? ResolvedAt { get; set; }

    /// <summary>A hash of the imported row's content: importing the same log again adds nothing. Unique within the plan.</summary>
    public required string IdempotencyKey { get; set; }

    public DateTime ImportedAt { get; set; }
}
