using FeedbackBot.Core.People;

namespace FeedbackBot.Data.Entities;

/// <summary>Someone the bot knows in a tenant. Nothing links a person to the answers they gave.</summary>
public sealed class Person
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Tenant? Tenant { get; set; }

    /// <summary>
    /// The person's id on their channel (a Teams <c>29:</c> id, a Slack <c>U…</c> id); null for someone a roster
    /// named by e-mail address whom no platform has matched yet.
    /// </summary>
    public string? ChannelUserId { get; set; }

    /// <summary>The person's work e-mail address, from a roster; how a roster row and a platform user are matched.</summary>
    public string? Email { get; set; }

    public required string DisplayName { get; set; }
    public PersonRole Role { get; set; }

    /// <summary>Set when the platform says the bot can no longer write to the person (blocked, left).</summary>
    public DateTime? UnreachableSince { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Where the person's roster entry comes from (<c>csv</c>, <c>teams</c>, <c>slack</c>); null when only chat knows them.</summary>
    public string? RosterSource { get; set; }

    /// <summary>
    /// Set when a later roster from the same source no longer lists the person. They are kept (their past
    /// invitations still count) but never drawn again; a roster that lists them again clears it.
    /// </summary>
    public DateTime? LeftAt { get; set; }

    /// <summary>Segment attributes used for sampling and breakdowns (team, region, shift, ...).</summary>
    public List<PersonSegment> Segments { get; } = [];
}
