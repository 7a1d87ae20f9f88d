using FeedbackBot.Data.Entities;

namespace FeedbackBot.Jobs.Outbox;

/// <summary>
/// Sends one outbox message through its channel. The host implements it: it renders the message (the survey, the
/// reminder, the review summary) and calls Teams, Slack or the playground, whose clients pace themselves to the
/// platforms' limits and wait out <c>Retry-After</c>. An exception is a failure worth retrying later.
/// </summary>
public interface IOutboxTransport
{
    Task<OutboxSendResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>How a send ended, when it did not throw.</summary>
public enum OutboxSendResult
{
    /// <summary>Delivered.</summary>
    Sent,

    /// <summary>The person blocked or left the bot, or the channel is gone: never retried.</summary>
    Unreachable,

    /// <summary>No longer wanted: the person answered before their reminder went, the cycle closed.</summary>
    NotNeeded,
}
