using FeedbackBot.Core.Plans;

namespace FeedbackBot.Data.Entities;

/// <summary>A question of one plan version; answers point at it.</summary>
public sealed class PlanQuestion
{
    public Guid Id { get; set; }
    public Guid PlanVersionId { get; set; }
    public PlanVersion? PlanVersion { get; set; }

    /// <summary>The question's id as written in the plan file.</summary>
    public required string Key { get; set; }

    public int Ordinal { get; set; }
    public required string Text { get; set; }
    public QuestionType Type { get; set; }
    public string? Feature { get; set; }
    public bool Required { get; set; }
    public Audience Audience { get; set; }

    /// <summary>Choice options as a JSON array; <c>[]</c> for other types.</summary>
    public required string Options { get; set; }
}
