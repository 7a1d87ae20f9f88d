namespace FeedbackBot.Features.People;

/// <summary>A roster was not synchronised, and nothing of it was stored; the message says why.</summary>
public sealed class PeopleSyncException : Exception
{
    public PeopleSyncException()
    {
    }

    public PeopleSyncException(string message)
        : base(message)
    {
    }

    public PeopleSyncException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
