using System.CommandLine;
using FeedbackBot.CommandLine;
using FeedbackBot.Data;
using FeedbackBot.Features.Contacts;
using FeedbackBot.Features.Cycles;
using FeedbackBot.Features.People;
using FeedbackBot.Features.Scorecards;
using FeedbackBot.Infrastructure.Storage;
using FeedbackBot.Infrastructure.Tenancy;

namespace FeedbackBot.Features.Imports;

/// <summary><c>feedbackbot import</c>: survey responses, complaints, operational metrics, people rosters, customer contacts, interaction logs and QA evaluations from CSV files.</summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context) =>
        new("import", "Import survey responses, complaints, operational metrics, people rosters, customer contacts, interaction logs and QA evaluations from CSV files (see docs/imports.md, docs/people.md, docs/customers.md).")
        {
            Responses(context),
            Complaints(context),
            Metrics(context),
            ContactImportCommand.Create(context),
            ImportPeopleCommand.Create(context),
            ImportInteractionsCommand.Create(context),
            ImportEvaluationsCommand.Create(context),
        };

    private static Command Responses(CliContext context)
    {
        var file = ImportOptions.File(
            "CSV file: respondent_id, submitted_at, audience, segment, optional duration_seconds, then a column per question id of the plan.");
        var plan = ImportOptions.Plan();
        var cycle = new Option<string>("--cycle")
        {
            Description = "The cycle: START..END, ISO dates with both days included, such as 2026-10-05..2026-10-11. " +
                "The plan's cycle with these dates is used, or a new one is made.",
            Required = true,
        };
        var skipBad = ImportOptions.SkipBad();
        var tenant = TenantSelector.CreateOption();
        var command = new Command("responses", "Import survey responses into a cycle of a plan.") { file, plan, cycle, skipBad, tenant };
        command.AllowOverrides().SetAction(async (parseResult, cancellationToken) =>
        {
            var selector = TenantSelector.Parse(parseResult.GetValue(tenant));
            var dates = CycleDates.Parse(parseResult.GetRequiredValue(cycle));
            var path = ImportOptions.RequireFile(parseResult.GetRequiredValue(file));
            return await RunAsync(parseResult, context, (db, now) => ResponseImport.RunAsync(
                context, db, selector, parseResult.GetRequiredValue(plan), dates, path, parseResult.GetValue(skipBad), now, cancellationToken),
                cancellationToken);
        });
        return command;
    }

    private static Command Complaints(CliContext context)
    {
        var file = ImportOptions.File("CSV file: received_at, category, channel, segment, text, optional resolved_at.");
        var plan = ImportOptions.Plan();
        var skipBad = ImportOptions.SkipBad();
        var tenant = TenantSelector.CreateOption();
        var command = new Command("complaints", "Import a complaints log for a plan.") { file, plan, skipBad, tenant };
        command.AllowOverrides().SetAction(async (parseResult, cancellationToken) =>
        {
            var selector = TenantSelector.Parse(parseResult.GetValue(tenant));
            var path = ImportOptions.RequireFile(parseResult.GetRequiredValue(file));
            return await RunAsync(parseResult, context, (db, now) => ComplaintImport.RunAsync(
                context, db, selector, parseResult.GetRequiredValue(plan), path, parseResult.GetValue(skipBad), now, cancellationToken),
                cancellationToken);
        });
        return command;
    }

    private static Command Metrics(CliContext context)
    {
        var file = ImportOptions.File("CSV file: date (yyyy-MM-dd), metric, value, optional segment.");
        var plan = ImportOptions.Plan();
        var skipBad = ImportOptions.SkipBad();
        var tenant = TenantSelector.CreateOption();
        var command = new Command("metrics", "Import daily values of a plan's operational metrics.") { file, plan, skipBad, tenant };
        command.AllowOverrides().SetAction(async (parseResult, cancellationToken) =>
        {
            var selector = TenantSelector.Parse(parseResult.GetValue(tenant));
            var path = ImportOptions.RequireFile(parseResult.GetRequiredValue(file));
            return await RunAsync(parseResult, context, (db, now) => MetricImport.RunAsync(
                context, db, selector, parseResult.GetRequiredValue(plan), path, parseResult.GetValue(skipBad), now, cancellationToken),
                cancellationToken);
        });
        return command;
    }

    internal static Task<int> RunAsync(
        ParseResult parseResult, CliContext context, Func<FeedbackDbContext, DateTime, Task<string>> import, CancellationToken cancellationToken) =>
        RunAsync(parseResult, context, (_, db, now) => import(db, now), more: null, cancellationToken);

    /// <summary>Runs an import on the database, migrated first, and prints its summary line.</summary>
    /// <param name="parseResult">The command's arguments.</param>
    /// <param name="context">Where the summary goes.</param>
    /// <param name="import">The import, given the command's services, the database and the time.</param>
    /// <param name="more">Services this import needs beyond storage.</param>
    /// <param name="cancellationToken">Stops the import; nothing is stored then.</param>
    internal static async Task<int> RunAsync(
        ParseResult parseResult,
        CliContext context,
        Func<IServiceProvider, FeedbackDbContext, DateTime, Task<string>> import,
        Action<IServiceCollection, IConfiguration>? more,
        CancellationToken cancellationToken)
    {
        await using var services = CommandServices.Create(parseResult, context, more);
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await context.Out.WriteLineAsync(await import(scope.ServiceProvider, db, now));
        return ExitCodes.Ok;
    }
}
