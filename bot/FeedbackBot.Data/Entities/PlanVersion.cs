namespace FeedbackBot.Data.Entities;

/// <summary>One immutable version of a plan. Cycles point at the version they ran under.</summary>
public sealed class PlanVersion
{
    public Guid Id { get; set; }
    public Guid PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int Number { get; set; }
    public required string Name { get; set; }

    /// <summary>The plan in its canonical JSON form (<see cref="Core.Serialization.PlanJson"/>).</summary>
    public required string Definition { get; set; }

    /// <summary>SHA-256 of <see cref="Definition"/>; applying identical content does not make a new version.</summary>
    public required string ContentHash { get; set; }

    /// <summary>The file it was applied from, as the user named it.</summary>
    public string? SourceFile { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<PlanQuestion> Questions { get; } = [];
}
