using System.CommandLine;

namespace FeedbackBot.CommandLine;

internal enum OutputFormat
{
    Text,
    Json,
}

internal static class OutputFormatOption
{
    public static Option<OutputFormat> Create() => new("--format")
    {
        Description = "text (default) or json.",
        DefaultValueFactory = _ => OutputFormat.Text,
    };
}
