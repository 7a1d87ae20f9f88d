namespace FeedbackBot.CommandLine;

/// <summary>Where a command writes and what extra configuration it sees; tests run commands in-process through it.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, IReadOnlyDictionary<string, string?> Settings)
{
    public static CliContext Console { get; } = new(System.Console.Out, System.Console.Error, new Dictionary<string, string?>());
}
