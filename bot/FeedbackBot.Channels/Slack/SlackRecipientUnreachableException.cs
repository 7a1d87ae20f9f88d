namespace FeedbackBot.Channels.Slack;

/// <summary>
/// Slack will not deliver to this person: their account is deactivated or gone, they are a bot, or their direct
/// message conversation is closed to the app. Sending again will not help; mark them unreachable.
/// </summary>
public sealed class SlackRecipientUnreachableException : SlackApiException
{
    public SlackRecipientUnreachableException()
    {
    }

    public SlackRecipientUnreachableException(string message)
        : base(message)
    {
    }

    public SlackRecipientUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SlackRecipientUnreachableException(string method, string error)
        : base(method, error, detail: "the recipient cannot be reached")
    {
    }
}
