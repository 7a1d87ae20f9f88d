using FeedbackBot.CommandLine;
using Spectre.Console;

namespace FeedbackBot.Features.Imports;

/// <summary>
/// A progress bar by bytes of the file read, when a person is watching (standard output is a terminal); nothing
/// when the output goes to a file, a pipe or a test, where it would only be noise.
/// </summary>
internal static class ImportProgress
{
    public static async Task<T> RunAsync<T>(CliContext context, string description, long totalBytes, Func<Action<long>, Task<T>> work)
    {
        if (!ReferenceEquals(context, CliContext.Console) || Console.IsOutputRedirected)
        {
            return await work(_ => { });
        }

        return await AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(Markup.Escape(description), maxValue: Math.Max(1, totalBytes));
                var result = await work(bytes => task.Value = Math.Min(bytes, task.MaxValue));
                task.Value = task.MaxValue;
                return result;
            });
    }
}
