namespace FeedbackBot.Channels.Teams;

/// <summary>An outgoing activity is over the size the bot sends (Teams refuses messages over about 100 KB).</summary>
public sealed class ActivityTooLargeException : BotConnectorException
{
    public ActivityTooLargeException()
    {
    }

    public ActivityTooLargeException(string message)
        : base(message)
    {
    }

    public ActivityTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ActivityTooLargeException(int size, int limit)
        : base(string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"The activity is {size:N0} bytes of JSON, over the {limit:N0} bytes the bot sends to Teams; send less in one message."))
    {
        Size = size;
        Limit = limit;
    }

    public int Size { get; }

    public int Limit { get; }
}
