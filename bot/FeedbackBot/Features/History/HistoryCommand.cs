using System.CommandLine;
using FeedbackBot.CommandLine;
using FeedbackBot.Core.Reviews.Building;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Features.Reviews;
using FeedbackBot.Infrastructure.Storage;
using FeedbackBot.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.History;

/// <summary><c>feedbackbot history --plan ID --kpi KPI [--format text|json|html] [--out FILE]</c>.</summary>
internal static class HistoryCommand
{
    public static Command Create(CliContext context)
    {
        var plan = new Option<string>("--plan") { Description = "The plan's id.", Required = true };
        var kpiOption = new Option<string>("--kpi") { Description = "The KPI's id in the plan (csat, nps, ...).", Required = true };
        var format = new Option<string>("--format")
        {
            Description = "text (default), json or html.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "html");
        var output = new Option<FileInfo?>("--out") { Description = "Write the chart to this file instead of the terminal." };
        var tenant = TenantSelector.CreateOption();
        var command = new Command(
            "history",
            "One KPI of a plan over every completed cycle: value, n and interval as each cycle's review reports them, with " +
            "control limits (a p-chart for shares, an individuals chart for means and NPS) and signals marked. See docs/statistics.md.")
        {
            plan, kpiOption, format, output, tenant,
        };
        command.AllowOverrides().SetAction(async (parseResult, cancellationToken) =>
        {
            var selector = TenantSelector.Parse(parseResult.GetValue(tenant));
            var key = parseResult.GetRequiredValue(plan);
            var kpiId = parseResult.GetRequiredValue(kpiOption);
            await using var services = CommandServices.Create(parseResult, context);
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
            var clock = services.GetRequiredService<TimeProvider>();

            var owner = await selector.FindAsync(db, cancellationToken);
            var found = owner is null ? null : await db.FindPlanAsync(owner.Id, key, cancellationToken);
            if (found is null)
            {
                throw new UsageException($"No plan '{key}' in tenant {selector}; see 'feedbackbot plans list'.");
            }

            var definition = PlanJson.Deserialize(await db.PlanVersions.AsNoTracking()
                .Where(v => v.PlanId == found.Id && v.Number == found.CurrentVersion)
                .Select(v => v.Definition)
                .SingleAsync(cancellationToken));
            var kpi = definition.Kpis.FirstOrDefault(k => string.Equals(k.Id, kpiId, StringComparison.Ordinal))
                ?? throw new UsageException($"Plan '{key}' has no KPI '{kpiId}'; its KPIs are: {string.Join(", ", definition.Kpis.Select(k => k.Id))}.");

            var history = await KpiHistory.LoadAsync(db, found.Id, definition, kpi, clock.GetUtcNow().UtcDateTime, upTo: null, cancellationToken);
            if (history.Chart.Points.Count == 0)
            {
                // As with 'review': nothing to show is a usage problem the user can fix by importing or waiting.
                throw new UsageException(history.Withheld.Count == 0
                    ? $"Plan '{key}' has no completed cycle yet: import responses with 'feedbackbot import responses FILE --plan {key} --cycle START..END', or wait for its schedule."
                    : $"Plan '{key}' has no completed cycle with a figure for '{kpi.Id}': each had too few answers for the plan to report.");
            }

            var rendered = parseResult.GetValue(format) switch
            {
                "json" => HistoryJson.Serialize(history.Chart, Rounding.DecimalsOf(kpi.Metric)) + "\n",
                "html" => HistoryHtml.Render(history, definition.Name, clock.GetUtcNow().UtcDateTime),
                _ => HistoryText.Render(history),
            };

            await CommandOutput.WriteAsync(context, parseResult.GetValue(output), rendered, cancellationToken);

            return ExitCodes.Ok;
        });
        return command;
    }
}
