using System.CommandLine;
using System.Globalization;
using System.Text;
using FeedbackBot.CommandLine;
using FeedbackBot.Core.Scorecards;
using FeedbackBot.Data;
using FeedbackBot.Features.Cycles;
using FeedbackBot.Features.Imports;
using FeedbackBot.Infrastructure.Storage;
using FeedbackBot.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Scorecards;

/// <summary>
/// <c>feedbackbot qa sample --plan ID --per-agent N --period START..END [--seed S] [--format text|csv] [--out FILE.csv]</c>:
/// the interactions evaluators should score next. It only reads: the picks are printed, never stored, so running it
/// again with the printed seed gives the same list.
/// </summary>
internal static class QaSampleCommand
{
    public static Command Create(CliContext context, string confidential)
    {
        var plan = new Option<string>("--plan") { Description = "The plan's id; its evaluations say which interactions were evaluated already.", Required = true };
        var perAgent = new Option<int>("--per-agent") { Description = "How many interactions to pick for each agent, 1 or more.", Required = true };
        var period = new Option<string>("--period")
        {
            Description = "Only interactions started in START..END (ISO dates, both days included, such as 2026-12-01..2026-12-31).",
            Required = true,
        };
        var seed = new Option<int?>("--seed") { Description = "The seed of the draw. Default: one fixed by the plan and the period; it is printed either way." };
        var format = new Option<string>("--format") { Description = "text (default: a table and each agent's summary) or csv.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "csv");
        var output = new Option<FileInfo?>("--out") { Description = "Write the picks as CSV to this file; the summary still goes to the terminal." };
        var tenant = TenantSelector.CreateOption();
        var command = new Command(
            "sample",
            "Pick interactions of the tenant's imported log to evaluate: N per agent at random, spread over each agent's channels, " +
            "never one the plan has evaluated." + confidential)
        { plan, perAgent, period, seed, format, output, tenant };
        command.AllowOverrides().SetAction(async (parseResult, cancellationToken) =>
        {
            // Everything the operator typed is checked before the database is opened.
            var selector = TenantSelector.Parse(parseResult.GetValue(tenant));
            var count = parseResult.GetValue(perAgent);
            if (count < 1)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--per-agent must be 1 or more, not {count}."));
            }

            var dates = CycleDates.Parse(parseResult.GetRequiredValue(period), "--period");
            var file = parseResult.GetValue(output);
            if (file?.Directory is { Exists: false } folder)
            {
                throw new UsageException($"--out {file}: the folder {folder.FullName} does not exist.");
            }

            await using var services = CommandServices.Create(parseResult, context);
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
            var found = await ImportPlan.FindAsync(db, selector, parseResult.GetRequiredValue(plan), cancellationToken);
            QaPlan.Scorecards(found);

            var draw = QaSample.Draw(
                await LoadAsync(db, found, dates, cancellationToken),
                await EvaluatedAsync(db, found, cancellationToken),
                count,
                parseResult.GetValue(seed) ?? QaSample.DefaultSeed(found.Key, dates.First, dates.Last));
            var summary = QaSampleText.Summary(found.Key, dates.ToString(), draw);
            if (file is not null)
            {
                await File.WriteAllTextAsync(file.FullName, QaSampleText.Csv(draw), new UTF8Encoding(false), cancellationToken);
                await context.Out.WriteAsync(summary);
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Wrote {draw.Picks.Count} interaction(s) to {file.FullName}."));
            }
            else if (parseResult.GetValue(format) == "csv")
            {
                // The CSV alone on standard output, so it can be redirected to a file; what the draw was goes beside it.
                await context.Out.WriteAsync(QaSampleText.Csv(draw));
                await context.Error.WriteAsync(summary);
            }
            else
            {
                await context.Out.WriteAsync(QaSampleText.Table(draw) + summary);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<List<SampledInteraction>> LoadAsync(
        FeedbackDbContext db, ImportPlan plan, CycleDates dates, CancellationToken cancellationToken)
    {
        var stored = await db.MonitoredInteractions.AsNoTracking()
            .Where(i => i.TenantId == plan.Tenant.Id && i.StartedAt >= dates.StartsAt && i.StartedAt < dates.EndsAt)
            .Select(i => new { i.InteractionKey, i.Agent, i.Channel, i.StartedAt, i.Queue })
            .ToListAsync(cancellationToken);
        return [.. stored.Select(i => new SampledInteraction(
            i.InteractionKey,
            i.Agent,
            InteractionChannels.TryParse(i.Channel, out var channel) ? channel : InteractionChannel.Other,
            DateTime.SpecifyKind(i.StartedAt, DateTimeKind.Utc),
            i.Queue))];
    }

    /// <summary>Every interaction an evaluation of the plan names, whenever it was evaluated: none is offered twice.</summary>
    private static async Task<List<string>> EvaluatedAsync(FeedbackDbContext db, ImportPlan plan, CancellationToken cancellationToken) =>
        await db.Evaluations.AsNoTracking()
            .Where(e => e.PlanId == plan.Entity.Id)
            .Select(e => e.InteractionKey)
            .Distinct()
            .ToListAsync(cancellationToken);
}
