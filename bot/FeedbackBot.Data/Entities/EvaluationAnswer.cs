namespace FeedbackBot.Data.Entities;

/// <summary>The answer to one criterion of a scorecard in an evaluation: confidential like the evaluation.</summary>
public sealed class EvaluationAnswer
{
    public Guid EvaluationId { get; set; }

    /// <summary>The criterion's id in the scorecard.</summary>
    public required string CriterionId { get; set; }

    /// <summary><c>yes</c>, <c>no</c> or <c>na</c> (not applicable), or a rating <c>1</c> to <c>5</c>.</summary>
    public required string Answer { get; set; }

    public string? Comment { get; set; }
}
