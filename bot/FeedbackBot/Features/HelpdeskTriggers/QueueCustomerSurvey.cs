using System.Text.Json;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Contacts;
using FeedbackBot.Infrastructure.Outbox;
using FeedbackBot.Infrastructure.Tenancy;
using FeedbackBot.Jobs.Cycles;
using FeedbackBot.Jobs.Outbox;
using FeedbackBot.Jobs.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.HelpdeskTriggers;

/// <summary>
/// What a closed interaction reported by a helpdesk leads to: the customer recorded as a contact of the plan that
/// takes helpdesk triggers, and, unless they unsubscribed, were asked too recently or have no address, an invitation
/// to that plan's open cycle with its e-mail queued in the outbox for the plan's delay after the close. Everything is
/// written in one transaction with the interaction's record, which makes a redelivery (by id) change nothing.
/// </summary>
internal sealed class QueueCustomerSurvey(
    FeedbackDbContext db,
    ContactEmails emails,
    IOutboxSignal outbox,
    IServiceScopeFactory scopes,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<QueueCustomerSurvey> log)
{
    private static readonly DateTime WindowAnchor = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public async Task<TriggerResult> RunAsync(ClosedInteraction interaction, CancellationToken cancellationToken)
    {
        if (await TenantAsync(interaction.Tenant, cancellationToken) is not { } tenant)
        {
            return interaction.Tenant is null
                ? TriggerResult.Invalid("tenant", "required: this bot serves more than one tenant (teams:ID, slack:ID or local)")
                : TriggerResult.Invalid("tenant", $"no tenant '{interaction.Tenant}' here");
        }

        if (await RecordedAsync(tenant.Id, interaction.InteractionId, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var (plan, definition, planError) = await PlanAsync(tenant.Id, interaction.Plan, cancellationToken);
        if (planError is not null)
        {
            return TriggerResult.Invalid("plan", planError);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var record = new HelpdeskInteraction
        {
            Id = Guid.NewGuid(),
            TenantId = tenant.Id,
            InteractionKey = interaction.InteractionId,
            ClosedAt = interaction.ClosedAt,
            ReceivedAt = now,
            Outcome = TriggerOutcomes.NoPlan,
        };
        db.HelpdeskInteractions.Add(record);
        DateTime? sendAt = null;
        ReviewCycle? cycle = null;
        if (plan is not null && definition is not null)
        {
            (record.Outcome, record.InvitationId, sendAt, cycle) = await InviteAsync(tenant.Id, plan, definition, interaction, now, cancellationToken);
            if (record.Outcome == TriggerOutcomes.NoCycle)
            {
                // Nothing here could close a cycle opened for it: store nothing, so the helpdesk's retry can succeed.
                db.ChangeTracker.Clear();
                return new TriggerResult(TriggerOutcomes.NoCycle, plan.Key, null, Duplicate: false, null, null);
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same interaction delivered twice at the same moment: the other delivery's record stands.
            db.ChangeTracker.Clear();
            return await RecordedAsync(tenant.Id, interaction.InteractionId, cancellationToken) ?? throw new InvalidOperationException(
                $"Interaction {interaction.InteractionId} could neither be stored nor found.");
        }

        if (record.InvitationId is not null)
        {
            outbox.Notify();
            BookReminder(plan!, definition!, cycle!, sendAt!.Value);
        }

        if (log.IsEnabled(LogLevel.Information))
        {
            log.LogInformation("Helpdesk interaction {Interaction} for plan {Plan}: {Outcome}", interaction.InteractionId, plan?.Key ?? "(none)", record.Outcome);
        }

        return new TriggerResult(record.Outcome, plan?.Key, sendAt, Duplicate: false, null, null);
    }

    private async Task<(string Outcome, Guid? InvitationId, DateTime? SendAt, ReviewCycle? Cycle)> InviteAsync(
        Guid tenantId, Plan plan, MeasurementPlan definition, ClosedInteraction interaction, DateTime now, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.PlanId == plan.Id && c.ContactKey == interaction.CustomerId, cancellationToken);
        if (contact is null)
        {
            contact = new Contact { Id = Guid.NewGuid(), TenantId = tenantId, PlanId = plan.Id, ContactKey = interaction.CustomerId, CreatedAt = now };
            db.Contacts.Add(contact);
        }

        if (interaction.CustomerEmail is { } email)
        {
            contact.EmailProtected = emails.Protect(email);
            contact.EmailHash = await emails.HashAsync(email, cancellationToken);
        }

        contact.InteractionId = interaction.InteractionId;
        contact.Agent = interaction.Agent ?? contact.Agent;
        contact.InteractionChannel = interaction.Channel ?? contact.InteractionChannel;
        contact.LastContactAt = contact.LastContactAt is { } last && last > interaction.ClosedAt ? last : interaction.ClosedAt;
        contact.UpdatedAt = now;

        if (contact.EmailHash is null)
        {
            return (TriggerOutcomes.NoEmail, null, null, null);
        }

        var hash = contact.EmailHash;
        if (await db.EmailSuppressions.AnyAsync(s => s.TenantId == tenantId && s.EmailHash == hash, cancellationToken))
        {
            return (TriggerOutcomes.Unsubscribed, null, null, null);
        }

        // The fatigue rule counts from the last time this address was asked for this plan, under whichever contact id.
        var lastAsked = await (from i in db.Invitations
                               join c in db.Contacts on i.ContactId equals c.Id
                               where c.PlanId == plan.Id && c.EmailHash == hash
                               select (DateTime?)i.CreatedAt).MaxAsync(cancellationToken);
        if (lastAsked is { } asked && definition.MinDaysBetweenInvitations > 0 && now - asked < TimeSpan.FromDays(definition.MinDaysBetweenInvitations))
        {
            return (TriggerOutcomes.Fatigue, null, null, null);
        }

        var sendAt = interaction.ClosedAt + definition.WebLink!.Delay!.Value;
        if (sendAt < now)
        {
            sendAt = now;
        }

        if (await CycleForAsync(plan, definition, sendAt, cancellationToken) is not { } cycle)
        {
            return (TriggerOutcomes.NoCycle, null, null, null);
        }

        if (cycle.State != CycleState.Open || sendAt >= cycle.EndsAt)
        {
            // The window's cycle was closed early by hand: the link would not work by the time it arrives.
            return (TriggerOutcomes.TooLate, null, null, null);
        }

        if (await db.Invitations.AnyAsync(i => i.CycleId == cycle.Id && i.ContactId == contact.Id, cancellationToken))
        {
            return (TriggerOutcomes.AlreadyInvited, null, null, null);
        }

        var invitation = new Invitation
        {
            Id = Guid.NewGuid(),
            CycleId = cycle.Id,
            ContactId = contact.Id,
            Via = "helpdesk",
            State = InvitationState.Pending,
            InteractionId = interaction.InteractionId,
            Agent = interaction.Agent,
            InteractionChannel = interaction.Channel,
            Segment = SegmentOf(contact, definition.Sample.StratifyBy),
            CreatedAt = now,
        };
        db.Invitations.Add(invitation);
        db.Outbox.Add(OutboxRows.ToContact(tenantId, OutboxKind.EmailInvitation, $"email-invite:{invitation.Id:N}", invitation.Id, cycle.Id, sendAt, now));
        return (TriggerOutcomes.Queued, invitation.Id, sendAt, cycle);
    }

    /// <summary>
    /// Makes sure a reminder run comes after this invitation's e-mail: the cycle's chain of reminder runs ends once
    /// nobody is waiting, and this invitation may arrive after it ended. An extra run reminds only whoever is due.
    /// </summary>
    private void BookReminder(Plan plan, MeasurementPlan definition, ReviewCycle cycle, DateTime sendAt)
    {
        var at = sendAt + definition.Reminders.Interval;
        if (definition.Reminders.Count > 0 && at < cycle.EndsAt)
        {
            services.GetService<CycleSteps>()?.Remind(cycle.Id, plan.Key, new DateTimeOffset(at, TimeSpan.Zero));
        }
    }

    /// <summary>
    /// The plan's open cycle that the survey is sent in. When none covers the send time, the cycle of the window that
    /// does is opened with the usual lifecycle (its close and reminders booked), as a scheduled open would. Windows
    /// are the plan's cycle length laid end to end from a fixed Monday, so helpdesk requests arriving together on
    /// several instances name the same start, and the unique start per plan lets only one of them open it. Null
    /// without a scheduler here, as nothing would ever close the cycle.
    /// </summary>
    private async Task<ReviewCycle?> CycleForAsync(Plan plan, MeasurementPlan definition, DateTime sendAt, CancellationToken cancellationToken)
    {
        var open = await db.ReviewCycles
            .Where(c => c.PlanId == plan.Id && c.State == CycleState.Open && c.StartsAt <= sendAt && c.EndsAt > sendAt)
            .OrderByDescending(c => c.StartsAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (open is not null)
        {
            return open;
        }

        var windows = (sendAt - WindowAnchor).Ticks / definition.Length.Ticks;
        var startsAt = WindowAnchor + TimeSpan.FromTicks(windows * definition.Length.Ticks);

        // In a scope of its own, so the open's writes never carry this request's half-made rows with them.
        await using var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<CycleRunner>() is not { } runner
            || await scope.ServiceProvider.GetRequiredService<ICycleLifecycle>().OpenCycleAsync(plan.Id, new DateTimeOffset(startsAt, TimeSpan.Zero), cancellationToken) is not { } opened)
        {
            return null;
        }

        await runner.FollowAsync(opened, cancellationToken);
        return await db.ReviewCycles.SingleAsync(c => c.Id == opened.CycleId, cancellationToken);
    }

    private static string? SegmentOf(Contact contact, string? attribute)
    {
        if (attribute is null || contact.Segments is null)
        {
            return null;
        }

        using var segments = JsonDocument.Parse(contact.Segments);
        return segments.RootElement.TryGetProperty(attribute, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    private async Task<Tenant?> TenantAsync(string? selector, CancellationToken cancellationToken)
    {
        if (selector is not null)
        {
            return TenantSelector.Parse(selector) is { } parsed ? await parsed.FindAsync(db, cancellationToken) : null;
        }

        var tenants = await db.Tenants.Take(2).ToListAsync(cancellationToken);
        return tenants.Count == 1 ? tenants[0] : null;
    }

    private async Task<TriggerResult?> RecordedAsync(Guid tenantId, string interactionId, CancellationToken cancellationToken)
    {
        var earlier = await db.HelpdeskInteractions.AsNoTracking()
            .SingleOrDefaultAsync(h => h.TenantId == tenantId && h.InteractionKey == interactionId, cancellationToken);
        if (earlier is null)
        {
            return null;
        }

        var queued = earlier.InvitationId is { } id
            ? await (from i in db.Invitations.AsNoTracking()
                     join c in db.ReviewCycles.AsNoTracking() on i.CycleId equals c.Id
                     join p in db.Plans.AsNoTracking() on c.PlanId equals p.Id
                     where i.Id == id
                     select new { p.Key, SendAt = db.Outbox.Where(m => m.InvitationId == id).Select(m => (DateTime?)m.NextAttemptAt).Min() })
                .SingleOrDefaultAsync(cancellationToken)
            : null;
        return new TriggerResult(earlier.Outcome, queued?.Key, queued?.SendAt, Duplicate: true, null, null);
    }

    /// <summary>The plan to ask for: the one named, or the tenant's only plan taking helpdesk triggers.</summary>
    private async Task<(Plan? Plan, MeasurementPlan? Definition, string? Error)> PlanAsync(Guid tenantId, string? key, CancellationToken cancellationToken)
    {
        var candidates = await (from p in db.Plans
                                join v in db.PlanVersions on new { PlanId = p.Id, Number = p.CurrentVersion } equals new { v.PlanId, v.Number }
                                where p.TenantId == tenantId && p.State == PlanState.Active && (key == null || p.Key == key)
                                select new { Plan = p, v.Definition }).ToListAsync(cancellationToken);
        var taking = candidates.Select(c => (c.Plan, Definition: PlanJson.Deserialize(c.Definition))).Where(c => c.Definition.TakesHelpdeskTriggers).ToList();
        if (key is not null)
        {
            return candidates.Count == 0
                ? (null, null, $"no active plan '{key}' here")
                : taking.Count == 0
                    ? (null, null, $"plan '{key}' takes no helpdesk triggers: it needs customer questions and '- web_link: {{delay: 2h}}' in its methods")
                    : (taking[0].Plan, taking[0].Definition, null);
        }

        return taking.Count switch
        {
            0 => (null, null, null),
            1 => (taking[0].Plan, taking[0].Definition, null),
            _ => (null, null, $"required: several plans take helpdesk triggers ({string.Join(", ", taking.Select(t => t.Plan.Key).Order(StringComparer.Ordinal))})"),
        };
    }
}

/// <summary>What became of a reported interaction, as the endpoint answers it.</summary>
internal sealed record TriggerResult(string Outcome, string? Plan, DateTime? SendAt, bool Duplicate, string? Field, string? Error)
{
    public static TriggerResult Invalid(string field, string error) => new("invalid", null, null, false, field, error);
}

/// <summary>The outcomes recorded for an interaction; documented in docs/customers.md.</summary>
internal static class TriggerOutcomes
{
    public const string Queued = "queued";
    public const string NoPlan = "no_plan";
    public const string NoEmail = "no_email";
    public const string Unsubscribed = "unsubscribed";
    public const string Fatigue = "fatigue";
    public const string AlreadyInvited = "already_invited";
    public const string TooLate = "too_late";
    public const string NoCycle = "no_cycle";
}
