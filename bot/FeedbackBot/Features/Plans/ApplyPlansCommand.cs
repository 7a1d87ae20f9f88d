using System.CommandLine;
using FeedbackBot.CommandLine;
using FeedbackBot.Core.Plans;
using FeedbackBot.Data;
using FeedbackBot.Infrastructure.Storage;
using FeedbackBot.Infrastructure.Tenancy;

namespace FeedbackBot.Features.Plans;

/// <summary>
/// <c>feedbackbot plans apply FILE...</c>. Every file is read and checked before anything is stored; if any has an
/// error, every error is printed as <c>file:line:column: field: message</c>, nothing is stored, and the exit code is 2.
/// </summary>
internal static class ApplyPlansCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Plan files (YAML) to create or update.",
            Arity = ArgumentArity.OneOrMore,
        };
        var tenant = TenantSelector.CreateOption();
        var command = new Command("apply", "Create plans, or new versions of changed plans, from YAML files.") { files, tenant };
        command.AllowOverrides().SetAction(async (parseResult, cancellationToken) =>
        {
            var selector = TenantSelector.Parse(parseResult.GetValue(tenant));
            var plans = await ReadAllAsync(parseResult.GetRequiredValue(files), cancellationToken);

            await using var services = CommandServices.Create(parseResult, context);
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var owner = await selector.GetOrCreateAsync(db, now, cancellationToken);
            foreach (var outcome in await ApplyPlans.ApplyAsync(db, owner, plans, now, cancellationToken))
            {
                await context.Out.WriteLineAsync(outcome.ToString());
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<IReadOnlyList<(MeasurementPlan Plan, string Source)>> ReadAllAsync(
        IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var parserOptions = new PlanParserOptions(id => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _));
        var errors = new List<string>();
        var plans = new List<(MeasurementPlan Plan, string Source)>();
        foreach (var file in files.Distinct(StringComparer.Ordinal))
        {
            string text;
            try
            {
                text = await File.ReadAllTextAsync(file, cancellationToken);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                errors.Add($"{file}: no such file.");
                continue;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add($"{file}: cannot be read: {e.Message}");
                continue;
            }

            var result = PlanParser.Parse(file, text, parserOptions);
            if (!result.IsValid)
            {
                errors.AddRange(result.Errors.Select(e => e.ToString()));
                continue;
            }

            var clash = plans.FirstOrDefault(p => p.Plan.Id == result.Plan!.Id);
            if (clash.Plan is not null)
            {
                errors.Add($"{file}: plan id '{result.Plan!.Id}' is also the id of the plan in {clash.Source}; each plan needs its own id.");
                continue;
            }

            plans.Add((result.Plan!, file));
        }

        if (errors.Count > 0)
        {
            throw new UsageException([.. errors, $"Nothing was stored: {errors.Count} error(s)."]);
        }

        return plans;
    }
}
