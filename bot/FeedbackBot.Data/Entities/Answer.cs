namespace FeedbackBot.Data.Entities;

/// <summary>The answer to one question within a response.</summary>
public sealed class Answer
{
    public Guid ResponseId { get; set; }
    public Guid QuestionId { get; set; }
    public PlanQuestion? Question { get; set; }

    /// <summary>The answer as given: a number, yes/no, an option, options joined by ';', or free text.</summary>
    public required string Value { get; set; }

    /// <summary>The numeric value of a scale or yes/no answer (yes = 1), for analysis in SQL.</summary>
    public double? Number { get; set; }
}
