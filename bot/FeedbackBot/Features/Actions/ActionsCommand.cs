using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using FeedbackBot.CommandLine;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Cycles;
using FeedbackBot.Features.Reviews;
using FeedbackBot.Infrastructure.Storage;
using FeedbackBot.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Actions;

/// <summary>
/// <c>feedbackbot actions adopt|list|show|update|milestone|check|export</c>: improvement actions adopted from reviews' recommendations
/// (docs/improvement.md).
/// </summary>
internal static class ActionsCommand
{
    public static Command Create(CliContext context) =>
        new("actions", "Improvement actions: adopt a review's recommendation, follow it up, and keep its log (see docs/improvement.md).")
        {
            Adopt(context),
            List(context),
            Show(context),
            Update(context),
            Milestone(context),
            Check(context),
            Export(context),
        };

    private static Command Adopt(CliContext context)
    {
        var review = new Option<string>("--review") { Description = "The review's id, as 'feedbackbot review' prints it.", Required = true };
        var recommendation = new Option<string>("--recommendation") { Description = "The recommendation's id in that review: r1, r2, ...", Required = true };
        var title = new Option<string?>("--title") { Description = "The action's title; the recommendation's by default." };
        var owner = new Option<string>("--owner") { Description = "Who owns it: a work e-mail address or a Teams or Slack user id.", Required = true };
        var due = new Option<string>("--due") { Description = "When it is due, YYYY-MM-DD.", Required = true };
        var resources = new Option<string?>("--resources") { Description = "The people, time or tools it needs." };
        var cost = new Option<string?>("--cost") { Description = "What it costs, as a number." };
        var target = new Option<string?>("--target") { Description = "The value of the KPI that counts as success; the KPI's target by default." };
        var tenant = TenantSelector.CreateOption();
        var command = new Command("adopt", "Adopt a recommendation of a review as an improvement action, with its KPI's baseline from that review.")
        { review, recommendation, title, owner, due, resources, cost, target, tenant };
        command.AllowOverrides().SetAction((parseResult, cancellationToken) => RunAsync(parseResult, context, tenant, async (db, owning, now) =>
        {
            var request = new AdoptAction.Request(
                Guid.TryParse(parseResult.GetRequiredValue(review), out var reviewId) ? reviewId : throw new UsageException("--review is a review's id, such as 01a2444c-2b55-7b81-90c6-5c01c45a6ae5."),
                parseResult.GetRequiredValue(recommendation),
                parseResult.GetValue(title),
                parseResult.GetRequiredValue(owner),
                Date(parseResult.GetRequiredValue(due), "--due"),
                parseResult.GetValue(resources),
                parseResult.GetValue(cost) is { } c ? Amount(c) : null,
                parseResult.GetValue(target) is { } t ? Double(t, "--target") : null,
                "cli");
            var (action, adopted) = await AdoptAction.RunAsync(db, owning, request, now, cancellationToken);
            await context.Out.WriteLineAsync(adopted
                ? $"adopted as action {action.Number}: {action.Title} (owner {action.Owner}, due {action.DueOn:yyyy-MM-dd})"
                : $"already adopted as action {action.Number}: {action.Title}");
        }, cancellationToken));
        return command;
    }

    private static Command List(CliContext context)
    {
        var plan = new Option<string?>("--plan") { Description = "Only this plan's actions." };
        var status = new Option<string?>("--status") { Description = "Only actions in this status: " + string.Join(", ", ImprovementActionStatuses.All) + "." };
        var format = Format("text", "json");
        var tenant = TenantSelector.CreateOption();
        var command = new Command("list", "The tenant's improvement actions, newest first.") { plan, status, format, tenant };
        command.AllowOverrides().SetAction((parseResult, cancellationToken) => RunAsync(parseResult, context, tenant, async (db, owning, _) =>
        {
            var query = db.ImprovementActions.AsNoTracking().Include(a => a.Notes).Include(a => a.Milestones).Where(a => a.TenantId == owning.Id);
            if (parseResult.GetValue(plan) is { } planKey)
            {
                var found = await db.FindPlanAsync(owning.Id, planKey.Trim().ToLowerInvariant(), cancellationToken)
                    ?? throw new UsageException($"There is no plan '{planKey}'; see 'feedbackbot plans list'.");
                query = query.Where(a => a.PlanId == found.Id);
            }

            if (parseResult.GetValue(status) is { } statusText)
            {
                var wanted = ImprovementActionStatuses.TryParse(statusText, out var s)
                    ? s
                    : throw new UsageException($"--status '{statusText}' is not a status; use one of {string.Join(", ", ImprovementActionStatuses.All)}.");
                query = query.Where(a => a.Status == wanted);
            }

            var actions = await query.OrderByDescending(a => a.Number).ToListAsync(cancellationToken);
            var plans = await PlanKeysAsync(db, owning, cancellationToken);
            var rows = actions.Select(a => (a, plans[a.PlanId])).ToList();
            await context.Out.WriteAsync(parseResult.GetRequiredValue(format) == "json"
                ? ActionReports.JsonText(new JsonArray([.. rows.Select(r => (JsonNode)ActionReports.Json(r.a, r.Item2))]))
                : ActionReports.Table(rows));
        }, cancellationToken));
        return command;
    }

    private static Command Show(CliContext context)
    {
        var id = new Argument<int>("ID") { Description = "The action's number, as 'actions list' shows it." };
        var format = Format("text", "json", "md");
        var tenant = TenantSelector.CreateOption();
        var command = new Command("show", "One improvement action in full: baseline, success criterion, owner, resources, cost and its log.") { id, format, tenant };
        command.AllowOverrides().SetAction((parseResult, cancellationToken) => RunAsync(parseResult, context, tenant, async (db, owning, now) =>
        {
            var action = await FindAsync(db, owning, parseResult.GetRequiredValue(id), cancellationToken);
            var planKey = (await PlanKeysAsync(db, owning, cancellationToken))[action.PlanId];
            var today = DateOnly.FromDateTime(now);
            await context.Out.WriteAsync(parseResult.GetRequiredValue(format) switch
            {
                "json" => ActionReports.JsonText(ActionReports.Json(action, planKey)),
                "md" => ActionReports.Detail(action, planKey, today, markdown: true),
                _ => ActionReports.Detail(action, planKey, today, markdown: false),
            });
        }, cancellationToken));
        return command;
    }

    private static Command Update(CliContext context)
    {
        var id = new Argument<int>("ID") { Description = "The action's number, as 'actions list' shows it." };
        var status = new Option<string?>("--status") { Description = "The new status: planned, in_progress, implemented or abandoned." };
        var implementedOn = new Option<string?>("--implemented-on") { Description = "The day the change went live, YYYY-MM-DD; marks it implemented." };
        var note = new Option<string?>("--note") { Description = "A dated note for its log." };
        var due = new Option<string?>("--due") { Description = "A new due date, YYYY-MM-DD, not in the past; its owner is reminded of it afresh." };
        var tenant = TenantSelector.CreateOption();
        var command = new Command("update", "Change an action's status or due date, record the day it went live, or add a note to its log.") { id, status, implementedOn, note, due, tenant };
        command.AllowOverrides().SetAction((parseResult, cancellationToken) => RunAsync(parseResult, context, tenant, async (db, owning, now) =>
        {
            var newStatus = parseResult.GetValue(status) is { } text ? Status(text) : (ImprovementActionStatus?)null;
            var live = parseResult.GetValue(implementedOn) is { } day ? Date(day, "--implemented-on") : (DateOnly?)null;
            var noteText = parseResult.GetValue(note)?.Trim();
            var newDue = parseResult.GetValue(due) is { } dueText ? Date(dueText, "--due") : (DateOnly?)null;
            if (newStatus is null && live is null && string.IsNullOrEmpty(noteText) && newDue is null)
            {
                throw new UsageException("Say what to change: --status, --implemented-on, --due or --note.");
            }

            if (newDue < DateOnly.FromDateTime(now))
            {
                throw new UsageException($"--due {newDue:yyyy-MM-dd} is in the past.");
            }

            if (live > DateOnly.FromDateTime(now))
            {
                throw new UsageException($"--implemented-on {live:yyyy-MM-dd} is in the future: record it once the change is live.");
            }

            if (live is not null && newStatus is { } other && other != ImprovementActionStatus.Implemented)
            {
                throw new UsageException("--implemented-on marks the action implemented; leave out --status or give --status implemented.");
            }

            if (noteText?.Length > 4000)
            {
                throw new UsageException("--note is at most 4,000 characters.");
            }

            var action = await FindAsync(db, owning, parseResult.GetRequiredValue(id), cancellationToken);
            var notes = action.Notes.Count;
            if (ActionUpdates.Apply(db, action, newStatus, live, noteText, "cli", now, newDue))
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            var noteAdded = action.Notes.Skip(notes).Any(n => n.Kind == ActionNotes.Note);
            await context.Out.WriteLineAsync($"action {action.Number}: {ImprovementActionStatuses.Name(action.Status)}" +
                (action.ImplementedOn is { } on ? $", live since {on:yyyy-MM-dd}" : "") +
                (newDue is not null ? $", due {action.DueOn:yyyy-MM-dd}" : "") +
                (noteAdded ? "; note added" : string.IsNullOrEmpty(noteText) ? "" : "; that note is its log's last already"));
        }, cancellationToken));
        return command;
    }

    private static Command Milestone(CliContext context)
    {
        var id = new Argument<int>("ID") { Description = "The action's number, as 'actions list' shows it." };
        var add = new Option<string?>("--add") { HelpName = "TEXT", Description = "Add a milestone with this title; give --due with it." };
        var due = new Option<string?>("--due") { HelpName = "YYYY-MM-DD", Description = "When the milestone added is due, YYYY-MM-DD." };
        var done = new Option<int?>("--done") { HelpName = "N", Description = "Mark milestone N done." };
        var on = new Option<string?>("--on") { HelpName = "YYYY-MM-DD", Description = "The day it was done, YYYY-MM-DD; today by default." };
        var undo = new Option<int?>("--undo") { HelpName = "N", Description = "Reopen milestone N." };
        var tenant = TenantSelector.CreateOption();
        var command = new Command("milestone", "Add a dated milestone to an action, mark one done, or reopen one; each change is a line of its log.")
        { id, add, due, done, on, undo, tenant };
        command.AllowOverrides().SetAction((parseResult, cancellationToken) => RunAsync(parseResult, context, tenant, async (db, owning, now) =>
        {
            var title = parseResult.GetValue(add);
            var doneNumber = parseResult.GetValue(done);
            var undoNumber = parseResult.GetValue(undo);
            var chosen = (title is null ? 0 : 1) + (doneNumber is null ? 0 : 1) + (undoNumber is null ? 0 : 1);
            if (chosen != 1)
            {
                throw new UsageException(chosen == 0
                    ? "Say what to do: --add TEXT --due YYYY-MM-DD, --done N [--on YYYY-MM-DD] or --undo N."
                    : "Give one of --add, --done or --undo at a time.");
            }

            var dueOn = parseResult.GetValue(due) is { } dueText ? Date(dueText, "--due") : (DateOnly?)null;
            var doneOn = parseResult.GetValue(on) is { } onText ? Date(onText, "--on") : (DateOnly?)null;
            if (title is not null && dueOn is null)
            {
                throw new UsageException("--add needs --due YYYY-MM-DD: the day the milestone is due.");
            }

            if (title is null && dueOn is not null)
            {
                throw new UsageException("--due goes with --add.");
            }

            if (doneNumber is null && doneOn is not null)
            {
                throw new UsageException("--on goes with --done.");
            }

            var today = DateOnly.FromDateTime(now);
            if (doneOn > today)
            {
                throw new UsageException($"--on {doneOn:yyyy-MM-dd} is in the future: mark the milestone done once it is.");
            }

            title = title?.Trim();
            if (title is { Length: 0 })
            {
                throw new UsageException("--add needs the milestone's title.");
            }

            if (title?.Length > ActionMilestones.TitleLength)
            {
                throw new UsageException($"--add is at most {ActionMilestones.TitleLength} characters.");
            }

            var action = await FindAsync(db, owning, parseResult.GetRequiredValue(id), cancellationToken);
            ActionMilestones.EnsureOpen(action);
            await context.Out.WriteLineAsync(
                title is not null ? await ActionMilestones.AddAsync(db, action, title, dueOn!.Value, now, cancellationToken)
                : doneNumber is { } n ? await ActionMilestones.MarkDoneAsync(db, action, n, doneOn ?? today, now, cancellationToken)
                : await ActionMilestones.ReopenAsync(db, action, undoNumber!.Value, now, cancellationToken));
        }, cancellationToken));
        return command;
    }

    internal static void AddLine(FeedbackDbContext db, ImprovementAction action, string kind, string text, DateTime now) =>
        ActionUpdates.AddLine(db, action, kind, text, "cli", now);

    private static Command Export(CliContext context)
    {
        var plan = new Option<string?>("--plan") { Description = "Only this plan's actions." };
        var format = new Option<string>("--format") { Description = "md or csv.", Required = true };
        format.AcceptOnlyFromAmong("md", "csv");
        var output = new Option<FileInfo?>("--out") { Description = "Write it to this file instead of the terminal." };
        var tenant = TenantSelector.CreateOption();
        var command = new Command("export", "The improvement log: every action with its evidence, baseline, dates, resources, cost, notes, checks and verdict.")
        { plan, format, output, tenant };
        command.AllowOverrides().SetAction((parseResult, cancellationToken) => RunAsync(parseResult, context, tenant, async (db, owning, now) =>
        {
            var query = db.ImprovementActions.AsNoTracking().Include(a => a.Notes).Include(a => a.Milestones).Where(a => a.TenantId == owning.Id);
            if (parseResult.GetValue(plan) is { } planKey)
            {
                var found = await db.FindPlanAsync(owning.Id, planKey.Trim().ToLowerInvariant(), cancellationToken)
                    ?? throw new UsageException($"There is no plan '{planKey}'; see 'feedbackbot plans list'.");
                query = query.Where(a => a.PlanId == found.Id);
            }

            var plans = await PlanKeysAsync(db, owning, cancellationToken);
            var rows = (await query.ToListAsync(cancellationToken)).Select(a => (a, plans[a.PlanId])).ToList();
            var text = parseResult.GetRequiredValue(format) == "csv" ? ActionExport.Csv(rows) : ActionExport.Markdown(rows, DateOnly.FromDateTime(now));
            await CommandOutput.WriteAsync(context, parseResult.GetValue(output), text, cancellationToken);
        }, cancellationToken));
        return command;
    }

    private static Command Check(CliContext context)
    {
        var id = new Argument<int>("ID") { Description = "The action's number, as 'actions list' shows it." };
        var before = new Option<string?>("--before") { Description = "Pool the completed cycles inside START..END as before; default: the cycle the action was adopted from." };
        var after = new Option<string?>("--after") { Description = "Pool the completed cycles inside START..END as after; default: every completed cycle that started on or after the day it went live." };
        var format = Format("text", "json");
        var tenant = TenantSelector.CreateOption();
        var command = new Command("check", "Whether the action moved its KPI: before against after, with the review's test, effect size and verdict.") { id, before, after, format, tenant };
        command.AllowOverrides().SetAction((parseResult, cancellationToken) => RunAsync(parseResult, context, tenant, async (db, owning, now) =>
        {
            var beforeDates = parseResult.GetValue(before) is { } b ? CycleDates.Parse(b, "--before") : null;
            var afterDates = parseResult.GetValue(after) is { } a ? CycleDates.Parse(a, "--after") : null;
            var action = await FindAsync(db, owning, parseResult.GetRequiredValue(id), cancellationToken);
            var outcome = await CheckAction.RunAsync(db, action, beforeDates, afterDates, now, cancellationToken);
            await context.Out.WriteAsync(parseResult.GetRequiredValue(format) == "json"
                ? ActionReports.JsonText(ActionReports.CheckJson(outcome))
                : ActionReports.CheckText(action, outcome));
        }, cancellationToken));
        return command;
    }

    private static ImprovementActionStatus Status(string text)
    {
        if (!ImprovementActionStatuses.TryParse(text, out var status))
        {
            throw new UsageException($"--status '{text}' is not a status; use planned, in_progress, implemented or abandoned.");
        }

        return ActionUpdates.SetByPeople.Contains(status)
            ? status
            : throw new UsageException($"'{ImprovementActionStatuses.Name(status)}' is a verdict of 'feedbackbot actions check', not set by hand; use planned, in_progress, implemented or abandoned.");
    }

    private static async Task<ImprovementAction> FindAsync(FeedbackDbContext db, Tenant tenant, int number, CancellationToken cancellationToken) =>
        await db.ImprovementActions.Include(a => a.Notes).Include(a => a.Milestones).SingleOrDefaultAsync(a => a.TenantId == tenant.Id && a.Number == number, cancellationToken)
        ?? throw new UsageException($"There is no action {number}; see 'feedbackbot actions list'.");

    private static async Task<Dictionary<Guid, string>> PlanKeysAsync(FeedbackDbContext db, Tenant tenant, CancellationToken cancellationToken) =>
        await db.Plans.AsNoTracking().Where(p => p.TenantId == tenant.Id).ToDictionaryAsync(p => p.Id, p => p.Key, cancellationToken);

    private static Option<string> Format(params string[] formats)
    {
        var format = new Option<string>("--format") { Description = "How to print it: " + string.Join(", ", formats) + ".", DefaultValueFactory = _ => formats[0] };
        format.AcceptOnlyFromAmong(formats);
        return format;
    }

    private static DateOnly Date(string text, string option) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new UsageException($"{option} '{text}' is not a date; write it as YYYY-MM-DD.");

    private static double Double(string text, string option) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new UsageException($"{option} '{text}' is not a number.");

    private static decimal Amount(string text) =>
        decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageException($"--cost '{text}' is not an amount, such as 1200 or 1200.50.");

    private static async Task<int> RunAsync(
        ParseResult parseResult, CliContext context, Option<string> tenant, Func<FeedbackDbContext, Tenant, DateTime, Task> run, CancellationToken cancellationToken)
    {
        var selector = TenantSelector.Parse(parseResult.GetValue(tenant));
        await using var services = CommandServices.Create(parseResult, context);
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        var owning = await selector.FindAsync(db, cancellationToken)
            ?? throw new UsageException($"There is no tenant {selector}; see 'feedbackbot plans list --tenant ...'.");
        await run(db, owning, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        return ExitCodes.Ok;
    }
}
