using System.Net;

namespace FeedbackBot.Channels.Teams;

/// <summary>
/// Teams will not deliver to this person or conversation: they blocked or removed the app, or an admin disabled it.
/// Sending again will not help until they interact with the bot again; mark them unreachable.
/// </summary>
public sealed class RecipientUnreachableException : BotConnectorException
{
    public RecipientUnreachableException()
    {
    }

    public RecipientUnreachableException(string message)
        : base(message)
    {
    }

    public RecipientUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RecipientUnreachableException(string message, string? errorCode, string? correlationId)
        : base(message, HttpStatusCode.Forbidden, errorCode, correlationId)
    {
    }
}
