using System.CommandLine;
using FeedbackBot.CommandLine;

namespace FeedbackBot.Features.Imports;

/// <summary>The arguments every import command takes.</summary>
internal static class ImportOptions
{
    public static Argument<string> File(string description) => new("FILE") { Description = description };

    public static Option<string> Plan() => new("--plan")
    {
        Description = "The id of the plan the data belongs to (see 'feedbackbot plans list').",
        Required = true,
    };

    public static Option<bool> SkipBad() => new("--skip-bad")
    {
        Description = "Store the good rows and list the rows with errors, instead of storing nothing when any row has an error.",
    };

    /// <summary>Fails early, before the database is touched, when the file is not there.</summary>
    public static string RequireFile(string path) =>
        System.IO.File.Exists(path) ? path : throw new UsageException($"{path}: no such file.");
}
