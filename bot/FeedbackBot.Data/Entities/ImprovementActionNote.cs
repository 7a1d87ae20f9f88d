namespace FeedbackBot.Data.Entities;

/// <summary>One dated line of an improvement action's log: a note, a change of status, or a check's result.</summary>
public sealed class ImprovementActionNote
{
    public Guid Id { get; set; }
    public Guid ActionId { get; set; }
    public DateTime At { get; set; }

    /// <summary>note, status or check.</summary>
    public required string Kind { get; set; }

    public required string Text { get; set; }

    /// <summary>Who wrote it: a platform user id, <c>cli</c>, or <c>bot</c> for a check.</summary>
    public required string Author { get; set; }
}
