namespace FeedbackBot.Data.Entities;

/// <summary>One segment attribute of a person, such as team = billing; used to stratify samples.</summary>
public sealed class PersonSegment
{
    public Guid PersonId { get; set; }
    public required string Name { get; set; }
    public required string Value { get; set; }

    /// <summary>
    /// Which roster set the value (<c>csv</c>, <c>teams</c>, <c>slack</c>); null when nothing recorded it. A platform
    /// sync never changes a value a CSV roster set, and a CSV import replaces the values it set before.
    /// </summary>
    public string? Source { get; set; }
}
