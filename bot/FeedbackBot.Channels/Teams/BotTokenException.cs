namespace FeedbackBot.Channels.Teams;

/// <summary>The bot could not get its own token for the Connector. The message carries the endpoint's own words.</summary>
public sealed class BotTokenException : Exception
{
    public BotTokenException()
    {
    }

    public BotTokenException(string message)
        : base(message)
    {
    }

    public BotTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
