using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FeedbackBot.CommandLine;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Infrastructure.Storage;
using FeedbackBot.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Plans;

/// <summary><c>feedbackbot plans list</c>: every plan of the tenant with its current version.</summary>
internal static class ListPlansCommand
{
    public static Command Create(CliContext context)
    {
        var tenant = TenantSelector.CreateOption();
        var format = OutputFormatOption.Create();
        var command = new Command("list", "List the tenant's plans with their current version.") { tenant, format };
        command.AllowOverrides().SetAction(async (parseResult, cancellationToken) =>
        {
            var selector = TenantSelector.Parse(parseResult.GetValue(tenant));
            await using var services = CommandServices.Create(parseResult, context);
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();

            var owner = await selector.FindAsync(db, cancellationToken);
            var rows = owner is null
                ? []
                : await db.Plans
                    .Where(p => p.TenantId == owner.Id)
                    .OrderBy(p => p.Key)
                    .Select(p => new
                    {
                        p.Key,
                        p.State,
                        p.CurrentVersion,
                        p.UpdatedAt,
                        Definition = p.Versions.Where(v => v.Number == p.CurrentVersion).Select(v => v.Definition).Single(),
                    })
                    .ToListAsync(cancellationToken);
            var plans = rows.Select(r => (r.Key, r.State, r.CurrentVersion, r.UpdatedAt, Plan: PlanJson.Deserialize(r.Definition))).ToList();

            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                var json = plans.Select(p => new
                {
                    id = p.Key,
                    name = p.Plan.Name,
                    version = p.CurrentVersion,
                    state = p.State.ToString().ToLowerInvariant(),
                    audiences = p.Plan.Audiences.Select(PlanDescriptions.Name),
                    questions = p.Plan.Questions.Count,
                    kpis = p.Plan.Kpis.Count,
                    schedule = p.Plan.Schedule is null ? null : new { cron = p.Plan.Schedule.Cron, time_zone = p.Plan.Schedule.TimeZone },
                    updated_at = p.UpdatedAt,
                });
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(json, JsonSerializerOptions.Web));
                return ExitCodes.Ok;
            }

            if (plans.Count == 0)
            {
                await context.Out.WriteLineAsync($"No plans in tenant {selector}. Add one with: feedbackbot plans apply FILE.yaml");
                return ExitCodes.Ok;
            }

            await context.Out.WriteAsync(TextTable.Format(
                ["ID", "VERSION", "STATE", "AUDIENCES", "QUESTIONS", "KPIS", "SCHEDULE", "UPDATED", "NAME"],
                plans.Select(p => (IReadOnlyList<string>)
                [
                    p.Key,
                    p.CurrentVersion.ToString(CultureInfo.InvariantCulture),
                    p.State.ToString().ToLowerInvariant(),
                    string.Join(",", p.Plan.Audiences.Select(PlanDescriptions.Name)),
                    p.Plan.Questions.Count.ToString(CultureInfo.InvariantCulture),
                    p.Plan.Kpis.Count.ToString(CultureInfo.InvariantCulture),
                    PlanDescriptions.Schedule(p.Plan.Schedule),
                    PlanDescriptions.Timestamp(p.UpdatedAt),
                    p.Plan.Name,
                ])));
            return ExitCodes.Ok;
        });
        return command;
    }
}
