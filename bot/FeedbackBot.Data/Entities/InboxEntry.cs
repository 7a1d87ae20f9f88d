namespace FeedbackBot.Data.Entities;

/// <summary>
/// One delivery from a chat platform, recorded before it is acted on. The platforms redeliver when they are not
/// answered in time, so the unique (channel, delivery key) pair makes the second delivery a no-op; and work that is
/// acknowledged before it is done (Slack events) keeps its payload here until it has been processed, so a crash
/// between the acknowledgement and the work loses nothing.
/// </summary>
public sealed class InboxEntry
{
    public Guid Id { get; set; }

    /// <summary>teams or slack.</summary>
    public required string Channel { get; set; }

    /// <summary>The platform's own id of the delivery: a Teams conversation and activity id, a Slack event id.</summary>
    public required string DeliveryKey { get; set; }

    /// <summary>The raw delivery, kept only when the work is done after the acknowledgement.</summary>
    public string? Payload { get; set; }

    public DateTime ReceivedAt { get; set; }

    /// <summary>While set and in the future, one worker is processing the delivery; afterwards another may take it over.</summary>
    public DateTime? ClaimedUntil { get; set; }

    public DateTime? ProcessedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
