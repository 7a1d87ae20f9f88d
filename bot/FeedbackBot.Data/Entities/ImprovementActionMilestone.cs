namespace FeedbackBot.Data.Entities;

/// <summary>
/// A dated step of an improvement action (train the team leads by the 20th, roll out by the 10th), so its owner and
/// manager see how far it got before the action itself is due.
/// </summary>
public sealed class ImprovementActionMilestone
{
    public Guid Id { get; set; }
    public Guid ActionId { get; set; }

    /// <summary>The number people use for it (<c>--done 2</c>), unique within its action, from 1.</summary>
    public int Number { get; set; }

    public required string Title { get; set; }
    public DateOnly DueOn { get; set; }

    /// <summary>The day it was reached; null while it is open.</summary>
    public DateOnly? DoneOn { get; set; }

    public DateTime CreatedAt { get; set; }
}
