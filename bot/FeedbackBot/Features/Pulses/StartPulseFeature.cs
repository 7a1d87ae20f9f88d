using System.Globalization;
using FeedbackBot.Conversations;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.People;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Cycles;
using FeedbackBot.Features.Reviews;
using FeedbackBot.Jobs.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Pulses;

/// <summary>
/// <c>start pulse PLAN</c> (managers): opens a cycle of the plan now, or uses the one open now, and invites everyone in
/// the tenant the bot can reach who has not been asked in that cycle yet. It goes through the cycle's lifecycle like a
/// scheduled cycle: the invitations through the outbox, the reminders and the close booked with the scheduler, so the
/// pulse is reminded, closed, reviewed and posted on its own.
/// </summary>
internal sealed class StartPulseFeature(FeedbackDbContext db, CycleLifecycle lifecycle, IServiceProvider services)
{
    public async Task<BotReply> StartAsync(ConversationParty party, string planKey, CancellationToken cancellationToken)
    {
        if (party.Person.Role == PersonRole.Staff)
        {
            return new TextReply("Only managers can start a pulse. An admin can make you one with **role @you manager**.");
        }

        var plan = await db.FindPlanAsync(party.Tenant.Id, planKey, cancellationToken);
        if (plan is null)
        {
            return new TextReply($"There is no plan **{planKey}** here.");
        }

        if (plan.State == PlanState.Paused)
        {
            return new TextReply($"**{planKey}** is paused; resume it before starting a pulse.");
        }

        var definition = PlanJson.Deserialize(await db.PlanVersions
            .Where(v => v.PlanId == plan.Id && v.Number == plan.CurrentVersion).Select(v => v.Definition).SingleAsync(cancellationToken));
        if (!definition.Questions.Any(q => q.Audience == Audience.Staff))
        {
            return new TextReply($"**{definition.Name}** has no questions for staff, so there is nothing to send in chat.");
        }

        // Without a scheduler (a process that only handles chat) nothing would ever close the cycle: open none.
        if (services.GetService<CycleRunner>() is not { } runner)
        {
            return new TextReply("The scheduler is not running here, so I can't start a pulse now.");
        }

        if (await lifecycle.StartPulseAsync(plan.Id, cancellationToken) is not { } started)
        {
            return new TextReply($"**{planKey}** is paused; resume it before starting a pulse.");
        }

        await runner.FollowAsync(started.Cycle, cancellationToken);
        var closes = started.Cycle.ClosesAt.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture);
        return new TextReply(
            $"{(started.Opened ? "Started" : "Added to")} the **{definition.Name}** pulse: invited {started.Invited} {People(started.Invited)}" +
            (started.AskedBefore > 0 ? $"; {started.AskedBefore} had already been asked in this cycle" : string.Empty) +
            $". The cards go out in a moment; those who have not answered are reminded, and the cycle closes {closes} UTC and is reviewed. " +
            $"**status {planKey}** shows how it is going.");
    }

    private static string People(int count) => count == 1 ? "person" : "people";
}
