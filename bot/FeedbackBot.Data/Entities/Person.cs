using FeedbackBot.Core.People;

namespace FeedbackBot.Data.Entities;

/// <summary>Someone the bot knows in a tenant. Nothing links a person to the answers they gave.</summary>
public sealed class Person
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Tenant? Tenant { get; set; }

    /// <summary>The person's id on their channel (a Teams <c>29:</c> id, a Slack <c>U…</c> id).</summary>
    public required string ChannelUserId { get; set; }

    public required string DisplayName { get; set; }
    public PersonRole Role { get; set; }

    /// <summary>Set when the platform says the bot can no longer write to the person (blocked, left).</summary>
    public DateTime? UnreachableSince { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Segment attributes used for sampling and breakdowns (team, region, shift, ...).</summary>
    public List<PersonSegment> Segments { get; } = [];
}
