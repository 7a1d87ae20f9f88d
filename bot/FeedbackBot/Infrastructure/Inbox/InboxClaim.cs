namespace FeedbackBot.Infrastructure.Inbox;

/// <summary>What recording a delivery found.</summary>
internal enum InboxClaimOutcome
{
    /// <summary>A first delivery, or one whose earlier worker gave up or ran out of time: this worker processes it.</summary>
    Claimed,

    /// <summary>Already processed: a redelivery, to be acknowledged and otherwise ignored.</summary>
    AlreadyProcessed,

    /// <summary>Another worker is processing it right now.</summary>
    InProgress,
}

/// <summary>The outcome of <see cref="InboundDeliveries.ClaimAsync"/>, with the entry's id when it was claimed.</summary>
internal readonly record struct InboxClaim(InboxClaimOutcome Outcome, Guid EntryId)
{
    public bool IsClaimed => Outcome == InboxClaimOutcome.Claimed;
}
