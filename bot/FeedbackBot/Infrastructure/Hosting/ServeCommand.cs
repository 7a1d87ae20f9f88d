using System.CommandLine;
using FeedbackBot.CommandLine;
using FeedbackBot.Infrastructure.Storage;

namespace FeedbackBot.Infrastructure.Hosting;

/// <summary><c>feedbackbot serve</c>, also what runs when no command is given: migrate, then serve HTTP until stopped.</summary>
internal static class ServeCommand
{
    public static Option<string?> UrlsOption() => new("--urls")
    {
        Description = $"Addresses to listen on, separated by ';' (default {BotWebApplication.DefaultUrl}).",
    };

    public static Command Create(CliContext context)
    {
        var urls = UrlsOption();
        var command = new Command("serve", "Run the bot: migrate the database, then serve HTTP (the default command).") { urls };
        command.AllowOverrides().SetAction((parseResult, cancellationToken) => RunAsync(parseResult, urls, context, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(ParseResult parseResult, Option<string?> urls, CliContext context, CancellationToken cancellationToken)
    {
        var arguments = ConfigurationArguments.From(parseResult).ToList();
        if (parseResult.GetValue(urls) is { Length: > 0 } value)
        {
            arguments.Add($"--urls={value}");
        }

        await using var app = BotWebApplication.Build(arguments, context);
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        await Adapters.Playground.PlaygroundSample.SeedAsync(app.Services, cancellationToken);
        await app.RunAsync();
        return ExitCodes.Ok;
    }
}
