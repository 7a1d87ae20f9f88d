using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using ReviewCycle = FeedbackBot.Data.Entities.ReviewCycle;

namespace FeedbackBot.Features.CustomerSurveys;

/// <summary>
/// What a survey link opens, decided before anything else of a request is read: an unknown or tampered token, a
/// closed one, one answered already, or an open survey with its invitation, cycle and plan.
/// </summary>
internal sealed class SurveyLinkLookup(FeedbackDbContext db, SurveyLinks links, TimeProvider clock)
{
    public async Task<SurveyLinkFound> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (SurveyLinks.Parse(token) is not { } parsed)
        {
            return SurveyLinkFound.Unknown;
        }

        var found = await (from i in db.Invitations.AsNoTracking()
                           join c in db.ReviewCycles.AsNoTracking() on i.CycleId equals c.Id
                           join v in db.PlanVersions.AsNoTracking() on c.PlanVersionId equals v.Id
                           where i.Id == parsed.InvitationId
                           select new { Invitation = i, Cycle = c, v.Definition })
            .SingleOrDefaultAsync(cancellationToken);

        // Staff are asked in chat and never by link: a staff invitation opens nothing, even with a valid signature.
        if (found is null || found.Invitation.PersonId is not null)
        {
            return SurveyLinkFound.Unknown;
        }

        var check = await links.CheckAsync(parsed, found.Cycle.Id, cancellationToken);
        if (check == SurveyTokenCheck.Invalid)
        {
            return SurveyLinkFound.Unknown;
        }

        var plan = PlanJson.Deserialize(found.Definition);
        if (!plan.Questions.Any(q => q.Audience == Audience.Customer))
        {
            return SurveyLinkFound.Unknown;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (check == SurveyTokenCheck.Expired || found.Cycle.State != CycleState.Open || now < found.Cycle.StartsAt || now >= found.Cycle.EndsAt)
        {
            return SurveyLinkFound.Closed;
        }

        var link = new SurveyLink(found.Invitation, found.Cycle, plan);
        return await db.Responses.AnyAsync(r => r.InvitationId == found.Invitation.Id, cancellationToken)
            ? new SurveyLinkFound(SurveyLinkState.Answered, link)
            : new SurveyLinkFound(SurveyLinkState.Open, link);
    }
}

/// <summary>An authenticated survey link: the customer invitation, its cycle, and the plan the cycle runs under.</summary>
internal sealed record SurveyLink(Invitation Invitation, ReviewCycle Cycle, MeasurementPlan Plan);

/// <summary>What a token opens, and the link when it names one that is not dead.</summary>
internal sealed record SurveyLinkFound(SurveyLinkState State, SurveyLink? Link)
{
    public static SurveyLinkFound Unknown { get; } = new(SurveyLinkState.Unknown, null);

    public static SurveyLinkFound Closed { get; } = new(SurveyLinkState.Closed, null);
}

internal enum SurveyLinkState
{
    /// <summary>No such link: malformed, not signed by this installation, or naming no customer invitation (404).</summary>
    Unknown,

    /// <summary>The link's time is over, or its cycle no longer takes answers (410).</summary>
    Closed,

    /// <summary>The link's one response is stored.</summary>
    Answered,

    /// <summary>The survey can be answered.</summary>
    Open,
}
