using FeedbackBot.Core.Plans;

namespace FeedbackBot.Data.Entities;

/// <summary>One submitted questionnaire. It carries no person: only a pseudonymous respondent key.</summary>
public sealed class Response
{
    public Guid Id { get; set; }
    public Guid CycleId { get; set; }
    public ReviewCycle? Cycle { get; set; }

    /// <summary>For staff, a keyed hash (<see cref="Core.Privacy.RespondentKey"/>); for customers, the id their source gave.</summary>
    public required string RespondentKey { get; set; }

    public Audience Audience { get; set; }
    public CollectionMethod Method { get; set; }
    public string? Segment { get; set; }
    public DateTime SubmittedAt { get; set; }
    public double? DurationSeconds { get; set; }

    /// <summary>Makes a redelivered submission or a re-imported row a no-op: unique within the cycle.</summary>
    public required string IdempotencyKey { get; set; }

    public DateTime ReceivedAt { get; set; }

    /// <summary>
    /// The customer invitation (survey link) this response answers; unique, so one link stores one response however
    /// often it is submitted. Always null for staff: their answers are never joined to who was asked.
    /// </summary>
    public Guid? InvitationId { get; set; }

    /// <summary>For a customer response, the member of staff who handled the interaction asked about.</summary>
    public string? Agent { get; set; }

    /// <summary>For a customer response, the channel of the interaction asked about.</summary>
    public string? InteractionChannel { get; set; }

    public List<Answer> Answers { get; } = [];
}
