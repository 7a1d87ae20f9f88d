namespace FeedbackBot.CommandLine;

/// <summary>The user's input is wrong: the command prints each line on stderr and exits with 2, having changed nothing.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message)
        : this([message])
    {
    }

    public UsageException(IReadOnlyList<string> lines)
        : base(string.Join(Environment.NewLine, lines)) => Lines = lines;

    public UsageException()
        : this("Bad input.")
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException) => Lines = [message];

    public IReadOnlyList<string> Lines { get; }
}
