using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Sampling;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Infrastructure.Email;
using FeedbackBot.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReviewCycle = FeedbackBot.Data.Entities.ReviewCycle;

namespace FeedbackBot.Features.Contacts;

/// <summary>
/// The customer side of a cycle: who of a plan's contacts is invited by e-mail when the cycle opens, and who is
/// reminded once. It only adds rows to the caller's context, which saves them with the cycle in one transaction,
/// so a cycle is never stored without its invitations and their outbox rows, nor they without it.
/// </summary>
internal sealed class CustomerSample(FeedbackDbContext db, IOptions<EmailOptions> email, ILogger<CustomerSample> log)
{
    /// <summary>How an invitation reaches a customer: an e-mail when the cycle opens.</summary>
    public const string ViaEmail = "email";

    /// <summary>An e-mail after a helpdesk reported the customer's interaction.</summary>
    public const string ViaHelpdesk = "helpdesk";

    /// <summary>Customers are reminded once, whatever the plan's count: it is mail from a company, not a colleague's nudge.</summary>
    public const int MaxReminders = 1;

    /// <summary>Whether cycles of the plan invite its contacts: it has customer questions and sends a web link.</summary>
    public static bool AppliesTo(MeasurementPlan definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Methods.Contains(CollectionMethod.WebLink) && definition.Questions.Any(q => q.Audience == Audience.Customer);
    }

    /// <summary>
    /// Draws the cycle's customers from the plan's contacts who can be written to (an address, not unsubscribed) by
    /// the plan's sample rule, its fatigue rule and the cycle's seed, and adds an invitation for each, with its
    /// <c>email-invite</c> outbox row when e-mail is on. With e-mail off the invitations wait, pending, and are queued
    /// by <see cref="WaitingEmailInvitations"/> when the bot next starts with a host set.
    /// </summary>
    public async Task<SampleDraw> InviteAsync(Plan plan, MeasurementPlan definition, ReviewCycle cycle, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(cycle);
        var attribute = definition.Sample.Method == SampleMethod.Stratified ? definition.Sample.StratifyBy : null;
        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => c.PlanId == plan.Id && c.EmailHash != null && c.EmailProtected != null
                && !db.EmailSuppressions.Any(s => s.TenantId == plan.TenantId && s.EmailHash == c.EmailHash))
            .Select(c => new { c.Id, c.Segments, c.InteractionId, c.Agent, c.InteractionChannel })
            .ToListAsync(cancellationToken);

        // Fatigue counts from when each was asked: a helpdesk invitation is made mid-cycle, not at its opening.
        var lastInvited = await (from i in db.Invitations
                                 join c in db.ReviewCycles on i.CycleId equals c.Id
                                 where c.PlanId == plan.Id && i.ContactId != null
                                 group i by i.ContactId into g
                                 select new { ContactId = g.Key, Last = g.Max(i => i.CreatedAt) }).ToDictionaryAsync(x => x.ContactId!.Value, x => x.Last, cancellationToken);
        var population = contacts
            .Select(c => new SampleCandidate(
                c.Id.ToString("D"),
                attribute is null ? new Dictionary<string, string?>() : new Dictionary<string, string?> { [attribute] = ContactSegments.ValueOf(c.Segments, attribute) },
                lastInvited.TryGetValue(c.Id, out var last) ? DateOnly.FromDateTime(last) : null))
            .ToList();
        var draw = Sampler.Draw(population, definition.Sample, definition.MinDaysBetweenInvitations, DateOnly.FromDateTime(cycle.StartsAt), cycle.SampleSeed!.Value);

        var byId = contacts.ToDictionary(c => c.Id);
        var sending = email.Value.Enabled;
        foreach (var id in draw.SelectedIds.Select(Guid.Parse))
        {
            var contact = byId[id];
            var invitation = new Invitation
            {
                Id = Guid.NewGuid(),
                CycleId = cycle.Id,
                ContactId = id,
                Via = ViaEmail,
                InteractionId = contact.InteractionId,
                Agent = contact.Agent,
                InteractionChannel = contact.InteractionChannel,
                Segment = attribute is null ? null : ContactSegments.ValueOf(contact.Segments, attribute),
                State = InvitationState.Pending,
                CreatedAt = now,
            };
            db.Invitations.Add(invitation);
            if (sending)
            {
                db.Outbox.Add(OutboxRows.ToContact(plan.TenantId, OutboxKind.EmailInvitation, $"email-invite:{invitation.Id:N}", invitation.Id, cycle.Id, now, now));
            }
        }

        if (log.IsEnabled(LogLevel.Information))
        {
            log.LogInformation(
                "Customers of {Plan}: {Invited} invited by e-mail of {Population} who can be written to, {Excluded} left out for having been asked recently, seed {Seed}",
                plan.Key, draw.SelectedIds.Count, draw.Strata.Sum(s => s.Population), draw.ExcludedForFatigue, draw.Seed);
        }

        if (!sending && draw.SelectedIds.Count > 0)
        {
            log.LogWarning(
                "E-mail is off ({HostKey} is not set): the {Invited} customer invitations of {Plan} wait, pending, and are sent once the bot starts with a mail server",
                EmailOptions.HostKey, draw.SelectedIds.Count, plan.Key);
        }

        return draw;
    }

    /// <summary>
    /// Queues the one reminder of each e-mailed customer who has not answered an interval after their invitation went
    /// out. Returns when the next one falls due: for an invitation not sent yet (the pace, a mail server retrying),
    /// an interval from now, to look again. Null when none remain, e-mail is off, or the plan sends no reminders.
    /// </summary>
    public async Task<DateTime?> RemindAsync(Guid tenantId, ReviewCycle cycle, ReminderPlan reminders, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(reminders);
        if (!email.Value.Enabled || reminders.Count == 0)
        {
            return null;
        }

        var waiting = await db.Invitations
            .Where(i => i.CycleId == cycle.Id && i.ContactId != null && (i.Via == ViaEmail || i.Via == ViaHelpdesk)
                && (i.State == InvitationState.Pending || i.State == InvitationState.Sent) && i.RemindersSent < MaxReminders)
            .ToListAsync(cancellationToken);
        DateTime? next = null;
        foreach (var invitation in waiting)
        {
            var due = invitation is { State: InvitationState.Sent, SentAt: { } sent } ? sent + reminders.Interval : (DateTime?)null;
            if (due <= now)
            {
                invitation.RemindersSent++;
                invitation.LastRemindedAt = now;
                db.Outbox.Add(OutboxRows.ToContact(tenantId, OutboxKind.EmailReminder, $"email-remind:{invitation.Id:N}:{invitation.RemindersSent}", invitation.Id, cycle.Id, now, now));
                continue;
            }

            var look = due ?? now + reminders.Interval;
            next = next is null || look < next ? look : next;
        }

        return next < cycle.EndsAt ? next : null;
    }
}
