using System.CommandLine;
using FeedbackBot.CommandLine;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.DataRights;
using FeedbackBot.Infrastructure.Hosting;
using FeedbackBot.Infrastructure.Storage;
using FeedbackBot.Infrastructure.Tenancy;

namespace FeedbackBot.Features.People;

/// <summary>
/// <c>feedbackbot people sync [--tenant T]</c>: the people sync the schedule runs, now; and <c>people export</c> and
/// <c>people erase</c> (<see cref="DataRightsCommands"/>).
/// </summary>
internal static class PeopleCommand
{
    public static Command Create(CliContext context) =>
        new("people", "Keep the staff roster up to date from Teams and Slack; import a CSV roster with 'feedbackbot import people' (see docs/people.md). Export or erase what is stored about a person (docs/privacy.md).")
        {
            Sync(context),
            DataRightsCommands.Export(context),
            DataRightsCommands.Erase(context),
        };

    /// <summary>Synchronises one tenant, or every Teams and Slack tenant; one line each. 0 when all succeeded, 1 when any failed.</summary>
    public static async Task<int> SyncAsync(IServiceProvider services, CliContext context, TenantSelector? selector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(context);
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var sync = scope.ServiceProvider.GetRequiredService<PeopleSync>();
        var tenants = selector is null
            ? await sync.PlatformTenantsAsync(cancellationToken)
            : [await FindAsync(scope.ServiceProvider.GetRequiredService<FeedbackDbContext>(), selector, cancellationToken)];
        if (tenants.Count == 0)
        {
            await context.Out.WriteLineAsync("No Teams or Slack tenant yet: the bot knows one once it is installed there. A CSV roster is imported with 'feedbackbot import people FILE.csv'.");
            return ExitCodes.Ok;
        }

        var failed = 0;
        foreach (var tenant in tenants)
        {
            try
            {
                var outcome = await sync.SyncAsync(tenant, cancellationToken);
                await context.Out.WriteLineAsync($"{PeopleSync.NameOf(tenant)}: {outcome}");
            }
            catch (Exception error) when (PeopleSync.IsFailure(error, cancellationToken))
            {
                failed++;
                await context.Error.WriteLineAsync($"{PeopleSync.NameOf(tenant)}: not synchronised, nothing changed: {error.Message}");
            }
        }

        return failed == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }

    private static Command Sync(CliContext context)
    {
        var tenant = new Option<string?>("--tenant")
        {
            Description = "Only this tenant: teams:TENANT-ID or slack:TEAM-ID. Without it, every Teams and Slack tenant the bot knows.",
        };
        var command = new Command(
            "sync",
            "Read the members of the Teams teams the bot is in and the users of the Slack workspaces, and bring the people up to date: " +
            "new people added, people known by e-mail matched to their Teams or Slack id, people no longer listed marked as left.")
        {
            tenant,
        };
        command.AllowOverrides().SetAction(async (parseResult, cancellationToken) =>
        {
            var selector = parseResult.GetValue(tenant) is { } text ? TenantSelector.Parse(text) : null;
            var configuration = AppConfiguration.Build(ConfigurationArguments.From(parseResult), context);
            await using var services = CommandServices.WithPlatforms(configuration);
            return await SyncAsync(services, context, selector, cancellationToken);
        });
        return command;
    }

    private static async Task<Tenant> FindAsync(FeedbackDbContext db, TenantSelector selector, CancellationToken cancellationToken)
    {
        if (selector.Channel == TenantChannel.Local)
        {
            throw new UsageException("The local tenant has no platform to read a roster from; import one with 'feedbackbot import people FILE.csv'.");
        }

        return await PeopleTenant.FindAsync(db, selector, DateTime.UtcNow, cancellationToken);
    }
}
