using System.CommandLine;
using System.Globalization;
using System.Text;
using FeedbackBot.CommandLine;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Infrastructure.Storage;
using FeedbackBot.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Plans;

/// <summary><c>feedbackbot plans show ID</c>: one plan version in full, and the plan's version history.</summary>
internal static class ShowPlanCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The plan's id, as in its file." };
        var version = new Option<int?>("--version") { Description = "Show this version instead of the current one." };
        var tenant = TenantSelector.CreateOption();
        var format = OutputFormatOption.Create();
        var command = new Command("show", "Show a plan: questions, KPIs and targets, schedule, sample, versions.")
        {
            id, version, tenant, format,
        };
        command.AllowOverrides().SetAction(async (parseResult, cancellationToken) =>
        {
            var selector = TenantSelector.Parse(parseResult.GetValue(tenant));
            var key = parseResult.GetRequiredValue(id);
            await using var services = CommandServices.Create(parseResult, context);
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();

            var owner = await selector.FindAsync(db, cancellationToken);
            var plan = owner is null
                ? null
                : await db.Plans.Include(p => p.Versions).SingleOrDefaultAsync(p => p.TenantId == owner.Id && p.Key == key, cancellationToken);
            if (plan is null)
            {
                throw new UsageException($"No plan '{key}' in tenant {selector}; see 'feedbackbot plans list'.");
            }

            var number = parseResult.GetValue(version) ?? plan.CurrentVersion;
            var shown = plan.Versions.SingleOrDefault(v => v.Number == number)
                ?? throw new UsageException($"Plan '{key}' has no version {number}; it has versions 1 to {plan.CurrentVersion}.");
            var definition = PlanJson.Deserialize(shown.Definition);

            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                await context.Out.WriteLineAsync(PlanJson.Serialize(definition, indented: true));
                return ExitCodes.Ok;
            }

            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            await context.Out.WriteAsync(Describe(plan, shown, definition, now));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Describe(Data.Entities.Plan plan, Data.Entities.PlanVersion shown, MeasurementPlan p, DateTimeOffset now)
    {
        var text = new StringBuilder();
        var current = shown.Number == plan.CurrentVersion ? "current" : $"current is {plan.CurrentVersion}";
        text.AppendLine(CultureInfo.InvariantCulture, $"{p.Id}: {p.Name}");
        if (!string.IsNullOrWhiteSpace(p.Description))
        {
            text.AppendLine(p.Description.Trim());
        }

        text.AppendLine();
        Field(text, "Version", $"{shown.Number} ({current}), applied {PlanDescriptions.Timestamp(shown.CreatedAt)} from {shown.SourceFile}");
        Field(text, "State", plan.State.ToString().ToLowerInvariant());
        Field(text, "Audiences", string.Join(", ", p.Audiences.Select(PlanDescriptions.Name)));
        Field(text, "Features", string.Join(", ", p.Features));
        Field(text, "Methods", string.Join(", ", p.Methods.Select(PlanDescriptions.Name)));
        Field(text, "Schedule", PlanDescriptions.Schedule(p.Schedule) + NextRun(p.Schedule, now));
        Field(text, "Cycle", p.CycleLength is { } length ? PlanDescriptions.Duration(length) : $"{p.CycleDays} day(s)");
        Field(text, "Sample", PlanDescriptions.Sample(p.Sample));
        Field(text, "Min. group size", p.MinimumGroupSize.ToString(CultureInfo.InvariantCulture));
        if (p.MinDaysBetweenInvitations > 0)
        {
            Field(text, "Invite at most", $"once every {p.MinDaysBetweenInvitations} day(s) per person");
        }

        Field(text, "Reminders", PlanDescriptions.Reminders(p.Reminders));
        Field(text, "Posts to", p.PostTo.Count == 0
            ? "nowhere"
            : string.Join(", ", p.PostTo.Select(t => $"{PlanDescriptions.Name(t.Channel)} {t.Conversation}")));
        if (p.Population.Count > 0)
        {
            Field(text, "Population", string.Join(", ", p.Population.Select(e => $"{e.Key} {e.Value}")));
        }

        text.AppendLine();
        text.AppendLine("Questions");
        text.Append(TextTable.Format(
            ["  ID", "TYPE", "AUDIENCE", "FEATURE", "REQUIRED", "TEXT"],
            p.Questions.Select(q => (IReadOnlyList<string>)
            [
                "  " + q.Id,
                PlanDescriptions.Name(q.Type) switch { "yesno" => "yesno", "multichoice" => "multichoice", var n => n },
                PlanDescriptions.Name(q.Audience),
                q.Feature ?? "-",
                q.Required ? "yes" : "no",
                PlanDescriptions.QuestionText(q),
            ])));

        text.AppendLine();
        if (p.Kpis.Count == 0)
        {
            text.AppendLine("KPIs: none");
        }
        else
        {
            text.AppendLine("KPIs and targets");
            text.Append(TextTable.Format(["  ID", "STANDARD"], p.Kpis.Select(k => (IReadOnlyList<string>)["  " + k.Id, PlanDescriptions.Kpi(k)])));
        }

        text.AppendLine();
        text.AppendLine("Versions");
        text.Append(TextTable.Format(
            ["  VERSION", "APPLIED", "FROM", "CONTENT"],
            plan.Versions.OrderBy(v => v.Number).Select(v => (IReadOnlyList<string>)
            [
                "  " + v.Number.ToString(CultureInfo.InvariantCulture),
                PlanDescriptions.Timestamp(v.CreatedAt),
                v.SourceFile ?? "-",
                v.ContentHash[..12],
            ])));
        return text.ToString();
    }

    private static string NextRun(PlanSchedule? schedule, DateTimeOffset now)
    {
        if (schedule is null || !TimeZoneInfo.TryFindSystemTimeZoneById(schedule.TimeZone, out var zone) ||
            !CronSchedule.TryParse(schedule.Cron, out var cron, out _) || cron!.GetNextOccurrence(now, zone) is not { } next)
        {
            return string.Empty;
        }

        var local = TimeZoneInfo.ConvertTime(next, zone);
        return string.Create(CultureInfo.InvariantCulture, $"; next {local:yyyy-MM-dd HH:mm} {schedule.TimeZone}");
    }

    private static void Field(StringBuilder text, string name, string value) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"{name + ":",-17}{value}");
}
