using System.Globalization;
using FeedbackBot.CommandLine;
using FeedbackBot.Conversations;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.People;
using FeedbackBot.Core.Reviews;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Jobs.Outbox;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Actions;

/// <summary>
/// The Adopt button beside a review's recommendation: a manager gets the form with the fields of
/// <c>feedbackbot actions adopt</c> (title, owner, due date, resources, cost, target) and adopts it as an improvement
/// action. The same recommendation adopted twice is the one action; the owner is told once the bot knows them.
/// </summary>
internal sealed class AdoptInChatFeature(FeedbackDbContext db, IOutboxSignal outbox, TimeProvider clock)
{
    private static readonly TextReply NotValid = new("That recommendation is not valid any more. Type **latest review** to see the latest one.");
    private static readonly TextReply NotManager = new("Only managers and admins adopt recommendations as improvement actions. Ask one of them, or type **help**.");

    /// <summary>The form adopting the recommendation the button was beside, or why not.</summary>
    public async Task<ConversationTurn> OpenAsync(ConversationParty party, BotSubmission submission, CancellationToken cancellationToken)
    {
        var (found, refusal) = await FindAsync(party, submission, cancellationToken);
        if (found is null)
        {
            return ConversationTurn.Reply(refusal!);
        }

        if (await AdoptedAsync(found.ReviewId, found.Recommendation.Id, cancellationToken) is { } adopted)
        {
            return ConversationTurn.Reply(new TextReply(Already(adopted)));
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ImprovementActionForms.TitleInput] = Cut(found.Recommendation.Title, ImprovementActionForms.TitleLength),
            [ImprovementActionForms.OwnerInput] = party.Person.Email ?? party.ChannelUserId,
            [ImprovementActionForms.DueInput] = Date(found.Recommendation.ReviewBy >= today ? found.Recommendation.ReviewBy : today.AddDays(30)),
        };
        return ConversationTurn.Reply(Form(found, Guid.NewGuid().ToString("N"), values));
    }

    /// <summary>The submitted form: the action adopted, or the form again with its errors.</summary>
    public async Task<ConversationTurn> SubmitAsync(ConversationParty party, BotSubmission submission, DateTime now, CancellationToken cancellationToken)
    {
        var (found, refusal) = await FindAsync(party, submission, cancellationToken);
        if (found is null)
        {
            return ConversationTurn.ReplaceCard(refusal!);
        }

        var card = submission.Values.GetValueOrDefault(Verbs.CardField) ?? string.Empty;
        var check = ImprovementActionForms.CheckAdoption(Form(found, card, new Dictionary<string, string>()), submission.Values, DateOnly.FromDateTime(now));
        if (check.Adoption is not { } adoption)
        {
            return ConversationTurn.ReplaceCard(check.Retry!);
        }

        ImprovementAction action;
        bool isNew;
        try
        {
            (action, isNew) = await AdoptAction.RunAsync(
                db,
                party.Tenant,
                new AdoptAction.Request(found.ReviewId, found.Recommendation.Id, adoption.Title, adoption.Owner, adoption.DueOn, adoption.Resources, adoption.Cost, adoption.Target, party.ChannelUserId),
                now,
                cancellationToken);
        }
        catch (UsageException error)
        {
            return ConversationTurn.ReplaceCard(new TextReply(error.Message));
        }

        if (!isNew)
        {
            return ConversationTurn.ReplaceCard(new TextReply(Already(action)));
        }

        var toldOwner = false;
        if (action.OwnerPersonId is { } owner && owner != party.Person.Id)
        {
            db.Outbox.Add(ActionMessages.ToOwner(action, ActionMessages.Assigned, now));
            await db.SaveChangesAsync(cancellationToken);
            outbox.Notify();
            toldOwner = true;
        }

        var reach = action.OwnerPersonId switch
        {
            null => " I do not know the owner yet: I will tell them once they talk to me or a roster lists them.",
            _ when toldOwner => " I have told the owner.",
            _ => string.Empty,
        };
        return ConversationTurn.ReplaceCard(new TextReply(
            $"Adopted as action {action.Number}: **{action.Title}**. Owner {action.Owner}, due {ActionLines.Day(action.DueOn)}.{reach} " +
            "Type **actions** to follow it up; once the change is live, mark it implemented and the next reviews check whether it worked."));
    }

    private static SurveyPrompt Form(Found found, string cardId, IReadOnlyDictionary<string, string> values)
    {
        var kpi = found.Kpi;
        var intro = kpi is { Value: { } value }
            ? string.Create(CultureInfo.InvariantCulture,
                $"Recommendation {found.Recommendation.Id} of the review of {found.Review.Plan.Name}: {found.Recommendation.Title}. It is checked against {kpi.Id}, {value:0.##}{(kpi.N is { } n ? $" (n = {n})" : "")} in this review.")
            : $"Recommendation {found.Recommendation.Id} of the review of {found.Review.Plan.Name}: {found.Recommendation.Title}.";
        var targetHint = kpi is not null
            ? string.Create(CultureInfo.InvariantCulture, $"Success criterion for {kpi.Id} (optional; {kpi.Target:0.##}, its target, when empty)")
            : "Success criterion: the value that counts as success (optional)";
        return ImprovementActionForms.AdoptPrompt(found.ReviewId.ToString("D"), found.Recommendation.Id, cardId, Cut(intro, 1000), targetHint, values);
    }

    private async Task<(Found?, TextReply?)> FindAsync(ConversationParty party, BotSubmission submission, CancellationToken cancellationToken)
    {
        if (party.Person.Role is not (PersonRole.Manager or PersonRole.Admin))
        {
            return (null, NotManager);
        }

        if (!Guid.TryParseExact(submission.Values.GetValueOrDefault(Verbs.PlanField), "D", out var reviewId)
            || submission.Values.GetValueOrDefault(Verbs.CycleField) is not { Length: > 0 and <= 16 } recommendationId
            || submission.Values.GetValueOrDefault(Verbs.CardField) is not { Length: > 0 and <= 64 })
        {
            return (null, NotValid);
        }

        // Only this tenant's reviews: a button copied from elsewhere finds nothing.
        var stored = await (from r in db.Reviews.AsNoTracking()
                            join p in db.Plans.AsNoTracking() on r.PlanId equals p.Id
                            where r.Id == reviewId && p.TenantId == party.Tenant.Id
                            select r.Document).SingleOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            return (null, NotValid);
        }

        var review = ReviewJson.Deserialize(stored);
        var recommendation = review.Recommendations.FirstOrDefault(r => r.Id == recommendationId);
        return recommendation is null
            ? (null, NotValid)
            : (new Found(reviewId, review, recommendation, AdoptAction.KpiOf(review, recommendation)), null);
    }

    private Task<ImprovementAction?> AdoptedAsync(Guid reviewId, string recommendationId, CancellationToken cancellationToken) =>
        db.ImprovementActions.AsNoTracking().FirstOrDefaultAsync(a => a.ReviewId == reviewId && a.RecommendationId == recommendationId, cancellationToken);

    private static string Already(ImprovementAction action) =>
        $"This recommendation is adopted already as action {action.Number}: **{action.Title}** " +
        $"({ImprovementActionStatuses.Name(action.Status).Replace('_', ' ')}, owner {action.Owner}, due {ActionLines.Day(action.DueOn)}). Type **actions** to follow it up.";

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];

    private sealed record Found(Guid ReviewId, Review Review, Recommendation Recommendation, MetricResult? Kpi);
}
