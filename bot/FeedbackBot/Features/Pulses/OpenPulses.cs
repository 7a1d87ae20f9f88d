using FeedbackBot.Conversations;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Privacy;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Pulses;

/// <summary>
/// The pulses open now that a person may answer and has not: those they were invited to, and those a manager's
/// <c>start pulse</c> opened to everyone the bot can reach (a person met since then is recorded as asked when they
/// ask). Whether someone answered is what their invitation records, and what the answer path itself checks: a
/// response stored under their pseudonymous key for the cycle. Nothing here reads what anyone answered. Used by
/// <c>my pulses</c> in every channel and by Slack's App Home.
/// </summary>
internal sealed class OpenPulses(FeedbackDbContext db, RespondentSecret respondentSecret)
{
    public async Task<IReadOnlyList<SurveyPrompt>> ForAsync(ConversationParty party, DateTime now, CancellationToken cancellationToken)
    {
        var tenantId = party.Tenant.Id;
        var personId = party.Person.Id;
        var cycles = await (from c in db.ReviewCycles
                            join p in db.Plans on c.PlanId equals p.Id
                            join v in db.PlanVersions on c.PlanVersionId equals v.Id
                            where p.TenantId == tenantId && c.State == CycleState.Open && c.StartsAt <= now && c.EndsAt > now
                                && (c.OpenToEveryoneSince != null || db.Invitations.Any(i => i.CycleId == c.Id && i.PersonId == personId))
                            orderby c.EndsAt, c.Id
                            select new { Cycle = c, v.Definition })
            .ToListAsync(cancellationToken);
        if (cycles.Count == 0)
        {
            return [];
        }

        var ids = cycles.Select(c => c.Cycle.Id).ToList();
        var invitations = await db.Invitations.Where(i => i.PersonId == personId && ids.Contains(i.CycleId)).ToDictionaryAsync(i => i.CycleId, cancellationToken);
        var secret = await respondentSecret.GetAsync(cancellationToken);
        var pulses = new List<SurveyPrompt>();
        foreach (var open in cycles)
        {
            var plan = PlanJson.Deserialize(open.Definition);
            var invitation = invitations.GetValueOrDefault(open.Cycle.Id);
            if (!plan.Questions.Any(q => q.Audience == Audience.Staff) || invitation?.State == InvitationState.Answered)
            {
                continue;
            }

            var respondent = RespondentKey.ForStaff(secret, tenantId, party.ChannelUserId, open.Cycle.Id);
            if (await db.Responses.AnyAsync(r => r.CycleId == open.Cycle.Id && r.IdempotencyKey == respondent, cancellationToken))
            {
                continue;
            }

            if (invitation is null)
            {
                // Asked now, as start pulse would have asked them had the bot known them then.
                invitation = new Invitation { Id = Guid.NewGuid(), CycleId = open.Cycle.Id, PersonId = personId, State = InvitationState.Sent, CreatedAt = now, SentAt = now };
                db.Invitations.Add(invitation);
            }
            else if (invitation.State == InvitationState.Unreachable)
            {
                // They are here: the card reaches them now, and reminders may follow it.
                invitation.State = InvitationState.Sent;
                invitation.SentAt ??= now;
            }

            pulses.Add(SurveyForms.Prompt(plan, Audience.Staff, open.Cycle.Id.ToString("D"), invitation.Id.ToString("N")));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same person asked twice at once: the other request recorded the invitation; the cards are the same.
            db.ChangeTracker.Clear();
        }

        return pulses;
    }
}
