using System.Globalization;
using System.Text;
using FeedbackBot.Conversations;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.People;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Reviews.Building;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Audit;
using FeedbackBot.Features.Contacts;
using FeedbackBot.Features.Reviews;
using FeedbackBot.Infrastructure.Email;
using FeedbackBot.Jobs.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Features.Plans;

/// <summary>
/// The managers' plan commands in chat: <c>plans</c>, <c>status</c>, <c>pause</c>, <c>resume</c> and <c>run PLAN now</c>.
/// Everything is read from and written to this tenant's plans only. The scheduler is optional: a process without
/// one (a command-line run) still records the change, and the running bot's plan sync picks it up within a minute.
/// </summary>
internal sealed class PlanCommandsFeature(FeedbackDbContext db, IServiceProvider services)
{
    private static readonly TextReply ManagersOnly = new("Only managers can do that. An admin can make you one with **role @you manager**.");

    public async Task<BotReply> ListAsync(ConversationParty party, DateTime now, CancellationToken cancellationToken)
    {
        if (party.Person.Role == PersonRole.Staff)
        {
            return ManagersOnly;
        }

        var plans = await (from p in db.Plans.AsNoTracking()
                           join v in db.PlanVersions.AsNoTracking() on new { PlanId = p.Id, Number = p.CurrentVersion } equals new { v.PlanId, v.Number }
                           where p.TenantId == party.Tenant.Id
                           orderby p.Key
                           select new { p.Key, p.State, v.Definition }).ToListAsync(cancellationToken);
        if (plans.Count == 0)
        {
            return new TextReply("There are no plans here yet. Apply one with **feedbackbot plans apply**.");
        }

        var text = new StringBuilder("**Plans**\n");
        foreach (var plan in plans)
        {
            var definition = PlanJson.Deserialize(plan.Definition);
            text.Append(CultureInfo.InvariantCulture, $"- **{plan.Key}** ({definition.Name}): {Describe(plan.State, definition.Schedule, now)}\n");
        }

        return new TextReply(text.ToString().TrimEnd('\n'));
    }

    public async Task<BotReply> SetStateAsync(ConversationParty party, string planKey, PlanState state, DateTime now, CancellationToken cancellationToken)
    {
        if (party.Person.Role == PersonRole.Staff)
        {
            return ManagersOnly;
        }

        var plan = await db.Plans.SingleOrDefaultAsync(p => p.TenantId == party.Tenant.Id && p.Key == planKey, cancellationToken);
        if (plan is null)
        {
            return new TextReply($"There is no plan **{planKey}** here.");
        }

        if (plan.State == state)
        {
            return new TextReply($"**{planKey}** is already {(state == PlanState.Paused ? "paused" : "active")}.");
        }

        plan.State = state;
        plan.UpdatedAt = now;
        AuditTrail.Add(db, party.Tenant.Id, now, party.ChannelUserId, state == PlanState.Paused ? AuditTrail.PlanPaused : AuditTrail.PlanResumed, $"plan:{planKey}", "chat");
        await db.SaveChangesAsync(cancellationToken);
        if (services.GetService<RecurringJobSync>() is { } sync)
        {
            await sync.SyncAsync(cancellationToken);
        }

        return new TextReply(state == PlanState.Paused
            ? $"Paused **{planKey}**: no new cycle opens until you resume it. A cycle already open runs to its end."
            : $"Resumed **{planKey}**: its cycles open on schedule again.");
    }

    public async Task<BotReply> RunNowAsync(ConversationParty party, string planKey, DateTime now, CancellationToken cancellationToken)
    {
        if (party.Person.Role == PersonRole.Staff)
        {
            return ManagersOnly;
        }

        var plan = await db.FindPlanAsync(party.Tenant.Id, planKey, cancellationToken);
        if (plan is null)
        {
            return new TextReply($"There is no plan **{planKey}** here.");
        }

        if (plan.State == PlanState.Paused)
        {
            return new TextReply($"**{planKey}** is paused; resume it first.");
        }

        // A second cycle beside an open one would find everyone asked recently and invite nobody: say what is open instead.
        var open = await db.ReviewCycles.AsNoTracking()
            .Where(c => c.PlanId == plan.Id && c.State == CycleState.Open && c.EndsAt > now)
            .OrderByDescending(c => c.EndsAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (open is not null)
        {
            return new TextReply(string.Create(
                CultureInfo.InvariantCulture,
                $"A cycle of **{planKey}** is already open until {open.EndsAt:d MMM yyyy HH:mm} UTC, so I opened no other; **status {planKey}** shows how it is going."));
        }

        if (services.GetService<CycleRunner>() is not { } runner)
        {
            return new TextReply("The scheduler is not running here, so I can't open a cycle now.");
        }

        await runner.RunNowAsync(plan.Id, plan.Key, cancellationToken);
        return new TextReply($"Opening a cycle of **{planKey}** now: the sample is drawn and the invitations go out in a moment. Reminders and the review follow on the plan's schedule; **status {planKey}** shows how it goes.");
    }

    /// <summary>
    /// The newest cycle's invitations and answers: overall, and by the plan's stratifying attribute for groups at
    /// or above the minimum size only (with the next-smallest withheld too when a lone small group could be worked out).
    /// </summary>
    public async Task<BotReply> StatusAsync(ConversationParty party, string planKey, CancellationToken cancellationToken)
    {
        if (party.Person.Role == PersonRole.Staff)
        {
            return ManagersOnly;
        }

        var plan = await db.FindPlanAsync(party.Tenant.Id, planKey, cancellationToken);
        var cycle = plan is null
            ? null
            : await db.ReviewCycles.AsNoTracking().Where(c => c.PlanId == plan.Id).OrderByDescending(c => c.StartsAt).FirstOrDefaultAsync(cancellationToken);
        if (plan is null || cycle is null)
        {
            return new TextReply(plan is null ? $"There is no plan **{planKey}** here." : $"**{planKey}** has not had a cycle yet.");
        }

        var definition = PlanJson.Deserialize(await db.PlanVersions.Where(v => v.Id == cycle.PlanVersionId).Select(v => v.Definition).SingleAsync(cancellationToken));
        var invitations = await db.Invitations.AsNoTracking().Where(i => i.CycleId == cycle.Id).Select(i => new { i.PersonId, i.State, i.Segment, i.Via }).ToListAsync(cancellationToken);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**{definition.Name}**, cycle {cycle.StartsAt:d MMM} – {cycle.EndsAt.AddTicks(-1):d MMM yyyy} ({Describe(cycle.State)})\n");
        if (invitations.Count == 0)
        {
            text.Append("Nobody was invited in this cycle (its answers come from imports or the web).");
            return new TextReply(text.ToString());
        }

        var answered = invitations.Count(i => i.State == InvitationState.Answered);
        var unreachable = invitations.Count(i => i.State == InvitationState.Unreachable);
        text.Append(CultureInfo.InvariantCulture, $"Invited {invitations.Count}, answered {answered} ({Rate(answered, invitations.Count)})");
        text.Append(unreachable > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {unreachable} could not be reached.\n") : ".\n");
        var unsent = invitations.Count(i => i.PersonId == null && i.State == InvitationState.Pending && i.Via is CustomerSample.ViaEmail or CustomerSample.ViaHelpdesk);
        if (unsent > 0 && services.GetService<IOptions<EmailOptions>>()?.Value.Enabled != true)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"E-mail is off here ({EmailOptions.HostKey} is not set), so {unsent} customer invitation{(unsent == 1 ? " waits" : "s wait")} unsent; they go out when the bot runs with a mail server.\n");
        }

        if (definition.Sample.StratifyBy is { } attribute)
        {
            // Staff are grouped by their roster segment now; a customer by the segment they were drawn in.
            var people = invitations.Where(i => i.PersonId != null).Select(i => i.PersonId!.Value).ToList();
            var segments = await db.PersonSegments.AsNoTracking().Where(s => s.Name == attribute && people.Contains(s.PersonId)).ToDictionaryAsync(s => s.PersonId, s => s.Value, cancellationToken);
            var groups = invitations.GroupBy(i => (i.PersonId is { } id ? segments.GetValueOrDefault(id) : i.Segment) ?? "(none)", StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (Invited: g.Count(), Answered: g.Count(i => i.State == InvitationState.Answered)), StringComparer.Ordinal);
            var withheld = GroupSuppression.Withheld(groups.ToDictionary(g => g.Key, g => (long)g.Value.Invited, StringComparer.Ordinal), definition.MinimumGroupSize);
            text.Append(CultureInfo.InvariantCulture, $"By {attribute.Replace('_', ' ')}:\n");
            foreach (var (name, counts) in groups.Where(g => !withheld.Contains(g.Key)).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                text.Append(CultureInfo.InvariantCulture, $"- {name}: {counts.Answered} of {counts.Invited} ({Rate(counts.Answered, counts.Invited)})\n");
            }

            if (withheld.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {withheld.Count} smaller {(withheld.Count == 1 ? "group is" : "groups are")} not shown: fewer than {definition.MinimumGroupSize} people.\n");
            }
        }

        return new TextReply(text.ToString().TrimEnd('\n'));
    }

    private static string Rate(int part, int whole) => string.Create(CultureInfo.InvariantCulture, $"{Math.Round(100.0 * part / whole)}%");

    private static string Describe(CycleState state) => state switch
    {
        CycleState.Open => "open",
        CycleState.Closed => "closed",
        _ => "closed and reviewed",
    };

    private static string Describe(PlanState state, PlanSchedule? schedule, DateTime now)
    {
        if (state == PlanState.Paused)
        {
            return "paused";
        }

        if (schedule is null || !CronSchedule.TryParse(schedule.Cron, out var cron, out _))
        {
            return "active, by hand only (no schedule)";
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone);
        return cron.GetNextOccurrence(new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc)), zone) is { } next
            ? string.Create(CultureInfo.InvariantCulture, $"active; next cycle opens {TimeZoneInfo.ConvertTime(next, zone):ddd d MMM yyyy HH:mm} ({schedule.TimeZone})")
            : "active; its schedule has no further dates";
    }
}
