namespace FeedbackBot.Data.Entities;

public enum OutboxState
{
    /// <summary>Waiting to be sent at <see cref="OutboxMessage.NextAttemptAt"/>.</summary>
    Pending,

    /// <summary>
    /// Claimed by a dispatcher, which may be waiting for the platform's rate limit; nothing has gone out yet, so a
    /// claim that runs out (its dispatcher died) puts it back to <see cref="Pending"/>.
    /// </summary>
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

    /// <summary>
    /// Being handed to the platform: its dispatcher has begun to transmit it. A claim that runs out in this state
    /// makes it <see cref="Uncertain"/>.
    /// </summary>
    Transmitting,
}
