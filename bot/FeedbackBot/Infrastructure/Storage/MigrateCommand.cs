using System.CommandLine;
using FeedbackBot.CommandLine;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Infrastructure.Storage;

/// <summary><c>feedbackbot migrate</c>: apply pending migrations to the configured database and exit.</summary>
internal static class MigrateCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("migrate", "Apply pending database migrations and exit.");
        command.AllowOverrides().SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = CommandServices.Create(parseResult, context);
            var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var applied = await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            await context.Out.WriteLineAsync(applied.Count == 0
                ? $"The {options.Provider} database is up to date."
                : $"Applied {applied.Count} migration(s) to the {options.Provider} database: {string.Join(", ", applied)}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
