using FeedbackBot.CommandLine;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Cycles;
using FeedbackBot.Features.Reviews;
using FeedbackBot.Infrastructure.Tenancy;
using FeedbackBot.Jobs.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.CustomerSurveys;

/// <summary>
/// Makes single-use survey links to hand out by other means, each an invitation of the plan's open cycle; with no
/// cycle open, one is opened from now and booked with the scheduler like any other. What <c>links create</c> and the
/// playground's "answer as a customer" both do. A plan that is missing, paused or asks customers nothing is a
/// <see cref="UsageException"/>, and nothing is stored.
/// </summary>
internal static class HandOutLinks
{
    /// <summary>How an invitation handed out as a bare link is recorded (<see cref="Invitation.Via"/>).</summary>
    public const string Via = "link";

    public static async Task<CreatedLinks> CreateAsync(IServiceProvider services, TenantSelector selector, string key, int count, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<FeedbackDbContext>();
        var owner = await selector.FindAsync(db, cancellationToken);
        var found = owner is null ? null : await db.FindPlanAsync(owner.Id, key, cancellationToken);
        if (found is null)
        {
            throw new UsageException($"No plan '{key}' in tenant {selector}; see 'feedbackbot plans list'.");
        }

        if (found.State != PlanState.Active)
        {
            throw new UsageException($"Plan '{key}' is paused; resume it before creating links.");
        }

        var definition = PlanJson.Deserialize(await db.PlanVersions
            .Where(v => v.PlanId == found.Id && v.Number == found.CurrentVersion).Select(v => v.Definition).SingleAsync(cancellationToken));
        if (!definition.Questions.Any(q => q.Audience == Audience.Customer))
        {
            throw new UsageException($"Plan '{key}' asks customers nothing (it has no customer questions), so a link would have nothing to answer.");
        }

        var lifecycle = services.GetRequiredService<CycleLifecycle>();
        if (await lifecycle.OpenNowAsync(found.Id, cancellationToken) is not { } open)
        {
            throw new UsageException($"Plan '{key}' is paused; resume it before creating links.");
        }

        // Booked once per cycle: a cycle opened before, by its schedule or an earlier run, keeps its booking.
        await services.GetRequiredService<CycleRunner>().FollowAsync(open.Cycle, cancellationToken);

        var cycle = await db.ReviewCycles.AsNoTracking().SingleAsync(c => c.Id == open.Cycle.CycleId, cancellationToken);
        var links = services.GetRequiredService<SurveyLinks>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var created = new List<CreatedLink>(count);
        for (var i = 0; i < count; i++)
        {
            // Handed out, as far as the bot knows, the moment it is made: there is nothing for it to send.
            var invitation = new Invitation { Id = Guid.NewGuid(), CycleId = cycle.Id, Via = Via, State = InvitationState.Sent, CreatedAt = now, SentAt = now };
            db.Invitations.Add(invitation);
            created.Add(new CreatedLink(await links.CreateAsync(cycle.Id, invitation.Id, cycle.EndsAt, cancellationToken), invitation.Id));
        }

        await db.SaveChangesAsync(cancellationToken);
        return new CreatedLinks(definition, cycle.StartsAt, cycle.EndsAt, open.Opened, created);
    }
}

internal sealed record CreatedLink(Uri Url, Guid InvitationId);

internal sealed record CreatedLinks(MeasurementPlan Plan, DateTime StartsAt, DateTime EndsAt, bool Opened, IReadOnlyList<CreatedLink> Links);
