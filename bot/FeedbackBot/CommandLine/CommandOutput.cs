using System.Text;

namespace FeedbackBot.CommandLine;

/// <summary>
/// Where a command that renders a report writes it: to the file <c>--out</c> names (UTF-8 without a byte order mark,
/// its path said on standard error), or to standard output.
/// </summary>
internal static class CommandOutput
{
    /// <exception cref="UsageException">The file's folder does not exist.</exception>
    public static async Task WriteAsync(CliContext context, FileInfo? file, string text, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            await context.Out.WriteAsync(text);
            return;
        }

        if (file.Directory is { Exists: false } folder)
        {
            throw new UsageException($"--out {file}: the folder {folder.FullName} does not exist.");
        }

        await File.WriteAllTextAsync(file.FullName, text, new UTF8Encoding(false), cancellationToken);
        await context.Error.WriteLineAsync($"Wrote {file.FullName}.");
    }
}
