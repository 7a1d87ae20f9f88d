using System.CommandLine;
using FeedbackBot.CommandLine;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Features.Cycles;
using FeedbackBot.Features.Reviews.Rendering;
using FeedbackBot.Infrastructure.Storage;
using FeedbackBot.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Features.Reviews;

/// <summary><c>feedbackbot review --plan ID [--cycle START..END] --format json|md|html [--out FILE]</c>.</summary>
internal static class ReviewCommand
{
    public static Command Create(CliContext context)
    {
        var plan = new Option<string>("--plan") { Description = "The plan's id.", Required = true };
        var cycleOption = new Option<string?>("--cycle")
        {
            Description = "The cycle, as START..END (ISO dates, both included). Default: the latest closed cycle; a cycle still open is reviewed only when named here, and its review is provisional.",
        };
        var format = new Option<string>("--format")
        {
            Description = "md (default), json or html.",
            DefaultValueFactory = _ => "md",
        };
        format.AcceptOnlyFromAmong("md", "json", "html");
        var output = new Option<FileInfo?>("--out") { Description = "Write the report to this file instead of the terminal." };
        var tenant = TenantSelector.CreateOption();
        var command = new Command(
            "review",
            "Review a cycle of a plan: validation, KPIs against targets, trends, themes, strengths, shortfalls, gaps and " +
            "recommendations. Each run stores a new review; see docs/review-json.md.")
        {
            plan, cycleOption, format, output, tenant,
        };
        command.AllowOverrides().SetAction(async (parseResult, cancellationToken) =>
        {
            var selector = TenantSelector.Parse(parseResult.GetValue(tenant));
            var key = parseResult.GetRequiredValue(plan);
            var range = parseResult.GetValue(cycleOption) is { } text ? CycleDates.Parse(text) : null;
            await using var services = CommandServices.Create(parseResult, context);
            var reportOptions = services.GetRequiredService<IOptions<ReportOptions>>().Value;
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

            var now = clock.GetUtcNow().UtcDateTime;
            var cycle = await db.FindCycleAsync(found.Id, range, now, cancellationToken);
            if (cycle is null)
            {
                var known = await db.ReviewCycles.AsNoTracking().Where(c => c.PlanId == found.Id).OrderBy(c => c.StartsAt).Select(c => new { c.StartsAt, c.EndsAt }).ToListAsync(cancellationToken);
                throw new UsageException(known.Count == 0
                    ? $"Plan '{key}' has no cycles yet: import responses with 'feedbackbot import responses FILE --plan {key} --cycle START..END', or wait for its schedule."
                    : range is null
                        ? $"Plan '{key}' has no closed cycle yet. To review one still open (a provisional review), name it: " +
                          string.Join(", ", known.Select(c => $"--cycle {CycleDates.Describe(c.StartsAt, c.EndsAt)}")) + "."
                        : $"Plan '{key}' has no cycle {range}; its cycles are: " +
                          string.Join(", ", known.Select(c => CycleDates.Describe(c.StartsAt, c.EndsAt))) + ".");
            }

            if (CreateReview.IsOpen(cycle, now))
            {
                await context.Error.WriteLineAsync(
                    $"The cycle {CycleDates.Describe(cycle.StartsAt, cycle.EndsAt)} is still open (until {cycle.EndsAt:yyyy-MM-dd HH:mm} UTC): " +
                    "this review is provisional, and its figures may change as answers arrive.");
            }

            var (stored, review) = await CreateReview.RunAsync(db, cycle, clock, cancellationToken);
            var link = await services.GetRequiredService<ReportLinks>().CreateAsync(stored.Id, cancellationToken);
            var rendered = parseResult.GetValue(format) switch
            {
                "json" => ReviewJson.Serialize(review, indented: true) + "\n",
                "html" => ReviewHtml.Render(review, new HtmlReportOptions(null, null, stored.CreatedAt)),
                _ => ReviewMarkdown.Render(review) is var md && md.EndsWith('\n') ? md : md + "\n",
            };

            await CommandOutput.WriteAsync(context, parseResult.GetValue(output), rendered, cancellationToken);

            await context.Error.WriteLineAsync(
                $"Review {stored.Id:D} of {key} {CycleDates.Describe(cycle.StartsAt, cycle.EndsAt)} stored; report link (valid until " +
                $"{clock.GetUtcNow() + reportOptions.LinkLifetime:yyyy-MM-dd HH:mm} UTC): {link}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
