using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.People;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Conversations;

/// <summary>
/// <c>start pulse &lt;plan&gt;</c> (managers): opens a cycle of the plan now, or uses the one open now, and sends its
/// survey to everyone in the tenant the bot can reach who has not been asked in that cycle yet.
/// </summary>
internal sealed class StartPulseFeature(FeedbackDbContext db, IEnumerable<IProactiveSender> senders)
{
    public async Task<BotReply> StartAsync(ConversationParty party, string planKey, DateTime now, CancellationToken cancellationToken)
    {
        if (party.Person.Role == PersonRole.Staff)
        {
            return new TextReply("Only managers can start a pulse. An admin can make you one with **role @you manager**.");
        }

        var plan = await db.Plans.SingleOrDefaultAsync(p => p.TenantId == party.Tenant.Id && p.Key == planKey, cancellationToken);
        if (plan is null)
        {
            return new TextReply($"There is no plan **{planKey}** here.");
        }

        if (plan.State == PlanState.Paused)
        {
            return new TextReply($"**{planKey}** is paused; resume it before starting a pulse.");
        }

        var version = await db.PlanVersions.SingleAsync(v => v.PlanId == plan.Id && v.Number == plan.CurrentVersion, cancellationToken);
        var definition = PlanJson.Deserialize(version.Definition);
        if (!definition.Questions.Any(q => q.Audience == Audience.Staff))
        {
            return new TextReply($"**{definition.Name}** has no questions for staff, so there is nothing to send in chat.");
        }

        var sender = senders.FirstOrDefault(s => s.Channel == party.Tenant.Channel);
        if (sender is null)
        {
            return new TextReply("I can't send messages in this channel yet.");
        }

        var cycle = await OpenCycleAsync(plan, version, definition, now, cancellationToken);
        var asked = db.Invitations.Where(i => i.CycleId == cycle.Id).Select(i => i.PersonId);
        var recipients = await (from r in db.ConversationReferences
                                join p in db.People on r.PersonId equals p.Id
                                where r.TenantId == party.Tenant.Id && p.UnreachableSince == null && !asked.Contains(p.Id)
                                select new { Reference = r, Person = p })
            .ToListAsync(cancellationToken);

        int sent = 0, unreachable = 0;
        foreach (var recipient in recipients.GroupBy(r => r.Person.Id).Select(g => g.OrderByDescending(r => r.Reference.UpdatedAt).First()))
        {
            var invitation = new Invitation { Id = Guid.NewGuid(), CycleId = cycle.Id, PersonId = recipient.Person.Id, State = InvitationState.Pending, CreatedAt = now };
            db.Invitations.Add(invitation);
            await db.SaveChangesAsync(cancellationToken);

            var card = SurveyForms.Prompt(definition, Audience.Staff, cycle.Id.ToString("D"), Guid.NewGuid().ToString("N"));
            if (await sender.SendAsync(party.Tenant, recipient.Reference, card, cancellationToken))
            {
                invitation.State = InvitationState.Sent;
                invitation.SentAt = now;
                sent++;
            }
            else
            {
                invitation.State = InvitationState.Unreachable;
                recipient.Person.UnreachableSince = now;
                unreachable++;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        var already = await asked.CountAsync(cancellationToken) - sent - unreachable;
        return new TextReply(
            $"Sent the **{definition.Name}** survey to {sent} {(sent == 1 ? "person" : "people")}" +
            (unreachable > 0 ? $"; {unreachable} could not be reached" : string.Empty) +
            (already > 0 ? $"; {already} had already been asked in this cycle" : string.Empty) +
            $". The cycle closes {cycle.EndsAt.ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC.");
    }

    private async Task<ReviewCycle> OpenCycleAsync(Plan plan, PlanVersion version, MeasurementPlan definition, DateTime now, CancellationToken cancellationToken)
    {
        var open = await db.ReviewCycles
            .Where(c => c.PlanId == plan.Id && c.State == CycleState.Open && c.StartsAt <= now && c.EndsAt > now)
            .OrderByDescending(c => c.StartsAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (open is not null)
        {
            return open;
        }

        var cycle = new ReviewCycle
        {
            Id = Guid.NewGuid(),
            PlanId = plan.Id,
            PlanVersionId = version.Id,
            StartsAt = now,
            EndsAt = now + definition.Length,
            State = CycleState.Open,
            CreatedAt = now,
        };
        db.ReviewCycles.Add(cycle);
        await db.SaveChangesAsync(cancellationToken);
        return cycle;
    }
}
