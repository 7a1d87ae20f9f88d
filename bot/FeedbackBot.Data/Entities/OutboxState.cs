namespace FeedbackBot.Data.Entities;

public enum OutboxState
{
    /// <summary>Waiting to be sent at <see cref="OutboxMessage.NextAttemptAt"/>.</summary>
    Pending,

    /// <summary>Claimed by a dispatcher that is sending it.</summary>
    Sending,

    Sent,

    /// <summary>The person blocked or left the bot; not retried.</summary>
    Unreachable,

    /// <summary>Gave up after the last attempt, or no longer wanted (the person answered before the reminder went).</summary>
    Failed,

    /// <summary>
    /// The dispatcher stopped while sending it, so whether it arrived cannot be known; it is not sent again, because
    /// nobody may get the same message twice.
    /// </summary>
    Uncertain,
}
