using FeedbackBot.CommandLine;
using FeedbackBot.Testing;

namespace FeedbackBot.Tests.Support;

/// <summary>What one in-process run of the command line printed and returned.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> RunAsync(TestDatabase database, params string[] args) =>
        await RunAsync(Settings(database), args);

    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await FeedbackBotCli.RunAsync(args, new CliContext(output, error, settings));
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public static Dictionary<string, string?> Settings(TestDatabase database) => new()
    {
        ["Database:Provider"] = database.Provider.ToString(),
        ["ConnectionStrings:Feedback"] = database.ConnectionString,
    };

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
