using FeedbackBot.Channels.Playground;
using FeedbackBot.CommandLine;
using FeedbackBot.Core.Plans;
using FeedbackBot.Data;
using FeedbackBot.Features.Actions;
using FeedbackBot.Features.Contacts;
using FeedbackBot.Features.Cycles;
using FeedbackBot.Features.Imports;
using FeedbackBot.Features.Plans;
using FeedbackBot.Features.Reviews;
using FeedbackBot.Features.Scorecards;
using FeedbackBot.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Adapters.Playground;

/// <summary>
/// On the first run with the playground on, gives the local tenant the two example plans, their two weeks of
/// example data (the customer plan's contacts, interaction log and QA evaluations among it) and a review of each, so "latest review" in the playground
/// shows something real straight away, and the quick pulse (examples/playground), whose five-minute cycle shows the
/// whole loop while someone watches.
/// Nothing happens once the local tenant has any plan of its own.
/// </summary>
internal static class PlaygroundSample
{
    private static readonly (string Plan, string File, string Cycle)[] Responses =
    [
        ("customer-experience", "customer-experience/responses-2026-10-05.csv", "2026-10-05..2026-10-11"),
        ("customer-experience", "customer-experience/responses-2026-10-12.csv", "2026-10-12..2026-10-18"),
        ("staff-pulse", "staff-pulse/responses-2026-10-05.csv", "2026-10-05..2026-10-09"),
        ("staff-pulse", "staff-pulse/responses-2026-10-12.csv", "2026-10-12..2026-10-16"),
    ];

    // The example plans, and the quick pulse that shows a whole cycle in a few minutes.
    private static readonly string[] PlanFolders = ["plans", "playground"];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!services.GetRequiredService<IOptions<PlaygroundOptions>>().Value.Enabled)
        {
            return;
        }

        var examples = Path.Combine(AppContext.BaseDirectory, "examples");
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("FeedbackBot.Playground");
        var now = clock.GetUtcNow().UtcDateTime;
        var tenant = await TenantSelector.Local.GetOrCreateAsync(db, now, cancellationToken);
        if (await db.Plans.AnyAsync(p => p.TenantId == tenant.Id, cancellationToken) || !Directory.Exists(examples))
        {
            return;
        }

        var plans = new List<(MeasurementPlan, string)>();
        var files = PlanFolders.SelectMany(folder => Directory.GetFiles(Path.Combine(examples, folder), "*.yaml").Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            var parsed = PlanParser.Parse(Path.GetFileName(file), await File.ReadAllTextAsync(file, cancellationToken), new PlanParserOptions(TimeZoneExists));
            if (!parsed.IsValid)
            {
                log.LogWarning("The example plan {File} does not parse; the playground starts without sample data.", file);
                return;
            }

            plans.Add((parsed.Plan!, Path.GetRelativePath(AppContext.BaseDirectory, file).Replace('\\', '/')));
        }

        await ApplyPlans.ApplyAsync(db, tenant, plans, now, cancellationToken);
        var quiet = new CliContext(TextWriter.Null, TextWriter.Null, new Dictionary<string, string?>());
        var data = Path.Combine(examples, "data");
        foreach (var (plan, file, cycle) in Responses)
        {
            await ResponseImport.RunAsync(quiet, db, TenantSelector.Local, plan, CycleDates.Parse(cycle), Path.Combine(data, file), skipBad: false, now, cancellationToken);
        }

        await ComplaintImport.RunAsync(quiet, db, TenantSelector.Local, "customer-experience", Path.Combine(data, "customer-experience", "complaints.csv"), skipBad: false, now, cancellationToken);
        await MetricImport.RunAsync(quiet, db, TenantSelector.Local, "customer-experience", Path.Combine(data, "customer-experience", "metrics.csv"), skipBad: false, now, cancellationToken);

        // The customers the plan's next cycle samples and e-mails (they wait while e-mail is off, as it is here).
        await ContactImport.RunAsync(
            quiet, db, scope.ServiceProvider.GetRequiredService<ContactEmails>(), TenantSelector.Local, "customer-experience",
            Path.Combine(data, "customer-experience", "contacts.csv"), skipBad: false, now, cancellationToken);

        // The interaction log and QA evaluations (a calibration set among them), so the customer review has its
        // quality monitoring section and `feedbackbot qa report` has figures.
        await InteractionImport.RunAsync(quiet, db, TenantSelector.Local, Path.Combine(data, "interactions.csv"), skipBad: false, now, cancellationToken);
        await EvaluationImport.RunAsync(quiet, db, TenantSelector.Local, "customer-experience", Path.Combine(data, "customer-experience", "evaluations.csv"), skipBad: false, now, cancellationToken);

        await AdoptExampleActionAsync(db, tenant, clock, now, cancellationToken);

        // Staff first, so the customer review is the latest one "latest review" shows.
        foreach (var key in new[] { "staff-pulse", "customer-experience" })
        {
            var cycle = await (from c in db.ReviewCycles
                               join p in db.Plans on c.PlanId equals p.Id
                               where p.TenantId == tenant.Id && p.Key == key
                               orderby c.StartsAt descending
                               select c).FirstAsync(cancellationToken);
            await CreateReview.RunAsync(db, cycle, clock, cancellationToken);
        }

        log.LogInformation("The playground's local tenant has the example plans, data and reviews.");
    }

    // An improvement action to look at: the first week's advice on NPS, adopted by Morgan and live from the second week,
    // so the second week's review says what it did and `feedbackbot actions check 1` has two weeks to compare.
    private static async Task AdoptExampleActionAsync(FeedbackDbContext db, Data.Entities.Tenant tenant, TimeProvider clock, DateTime now, CancellationToken cancellationToken)
    {
        var cycles = await (from c in db.ReviewCycles
                            join p in db.Plans on c.PlanId equals p.Id
                            where p.TenantId == tenant.Id && p.Key == "customer-experience"
                            orderby c.StartsAt
                            select c).ToListAsync(cancellationToken);
        if (cycles.Count < 2)
        {
            return;
        }

        var (stored, review) = await CreateReview.RunAsync(db, cycles[^2], clock, cancellationToken);
        if (review.Recommendations.FirstOrDefault(r => r.Evidence.Metric == "nps") is not { } advice)
        {
            return;
        }

        var (action, _) = await AdoptAction.RunAsync(
            db, tenant, new AdoptAction.Request(stored.Id, advice.Id, null, PlaygroundIdentity.Manager.UserId, DateOnly.FromDateTime(now).AddDays(30), "Two team leaders for a day", 1200, null, PlaygroundIdentity.Manager.UserId),
            now, cancellationToken);
        action.Status = Data.Entities.ImprovementActionStatus.Implemented;
        action.ImplementedOn = DateOnly.FromDateTime(cycles[^1].StartsAt);
        db.ImprovementActionNotes.Add(new Data.Entities.ImprovementActionNote
        {
            Id = Guid.NewGuid(),
            ActionId = action.Id,
            At = now,
            Kind = "status",
            Text = $"implemented, live since {action.ImplementedOn:yyyy-MM-dd}",
            Author = PlaygroundIdentity.Manager.UserId,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static bool TimeZoneExists(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
