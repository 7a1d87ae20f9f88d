namespace FeedbackBot.Infrastructure.Email;

/// <summary>
/// A message was not sent, for a reason worth trying again later (the server was unreachable, refused for now, or
/// the pace had no turn). Its text is safe to log and store: it never holds the recipient's address, which a mail
/// server's own reply often quotes.
/// </summary>
internal sealed class EmailSendException : Exception
{
    public EmailSendException()
    {
    }

    public EmailSendException(string message)
        : base(message)
    {
    }

    public EmailSendException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
