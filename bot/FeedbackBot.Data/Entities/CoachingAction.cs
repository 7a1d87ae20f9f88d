namespace FeedbackBot.Data.Entities;

/// <summary>
/// What an agent and their evaluator agreed the agent will do after an evaluation, by when, and with what support;
/// both are reminded at the due date. Confidential like the evaluation.
/// </summary>
public sealed class CoachingAction
{
    public Guid Id { get; set; }
    public Guid EvaluationId { get; set; }
    public required string What { get; set; }

    /// <summary>The support the agent needs for it (training, shadowing, ...), if any.</summary>
    public string? Support { get; set; }

    public DateOnly DueOn { get; set; }
    public CoachingActionState State { get; set; }

    /// <summary>When the due-date reminder was sent; set once, so a reminder job run twice reminds once.</summary>
    public DateTime? RemindedAt { get; set; }

    /// <summary>When it was marked done or dropped; null while planned.</summary>
    public DateTime? ClosedAt { get; set; }

    /// <summary>The note left when it was last brought up to date.</summary>
    public string? Note { get; set; }

    public DateTime CreatedAt { get; set; }
}
