namespace FeedbackBot.Data.Entities;

/// <summary>One segment attribute of a person, such as team = billing; used to stratify samples.</summary>
public sealed class PersonSegment
{
    public Guid PersonId { get; set; }
    public required string Name { get; set; }
    public required string Value { get; set; }
}
