using System.Globalization;
using FeedbackBot.Conversations;
using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Privacy;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Pulses;

/// <summary>
/// A pulse card submitted: checked against the plan, stored once under the person's pseudonymous key for the
/// cycle, and turned into a thank-you for that person. A redelivery or a double click stores nothing more and gets
/// the same thank-you; an invalid value brings the card back with the error on it.
/// </summary>
internal sealed class AnswerSurveyFeature(FeedbackDbContext db, RespondentSecret secret, PlanVersions versions, PulseCycles cycles, PulseAnswerWriter writer)
{
    private static readonly TextReply NotValid = new("This survey card is not valid any more.");

    /// <summary>The survey's form for a channel that opens it on request: fresh, or what stands in its place.</summary>
    public async Task<ConversationTurn> OpenAsync(ConversationParty party, BotSubmission submission, DateTime now, CancellationToken cancellationToken)
    {
        if (await FindCycleAsync(party, submission, cancellationToken) is not { } found)
        {
            return ConversationTurn.ReplaceCard(NotValid);
        }

        var (cycle, version) = found;
        var plan = version.Plan;

        var respondent = await RespondentAsync(party, cycle, cancellationToken);
        if (await AnsweredBeforeAsync(cycle.Id, respondent, cancellationToken))
        {
            return ConversationTurn.ReplaceCard(Thanks(plan));
        }

        return IsClosed(cycle, now)
            ? ConversationTurn.ReplaceCard(NotOpen(plan, cycle.StartsAt, cycle.EndsAt, now))
            : ConversationTurn.Reply(SurveyForms.Prompt(plan, Audience.Staff, cycle.Id.ToString("D"), submission.Values.GetValueOrDefault(Verbs.CardField) ?? string.Empty));
    }

    public async Task<ConversationTurn> SubmitAsync(ConversationParty party, BotSubmission submission, DateTime now, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(submission.Values.GetValueOrDefault(Verbs.CycleField), out var cycleId))
        {
            return ConversationTurn.ReplaceCard(NotValid);
        }

        // The cycle's fixed facts come from memory after its first answer; only a plan of this tenant's counts, so a
        // card from elsewhere opens nothing. Whether it is still open is settled where the answer is stored.
        if (await cycles.GetAsync(db, cycleId, cancellationToken) is not { } cycle || cycle.TenantId != party.Tenant.Id
            || await versions.GetAsync(db, cycle.PlanVersionId, cancellationToken) is not { } version)
        {
            return ConversationTurn.ReplaceCard(NotValid);
        }

        var respondent = RespondentKey.ForStaff(await secret.GetAsync(cancellationToken), party.Tenant.Id, party.ChannelUserId, cycleId);
        var plan = version.Plan;
        var prompt = SurveyForms.Prompt(plan, Audience.Staff, cycle.Id.ToString("D"), submission.Values.GetValueOrDefault(Verbs.CardField) ?? string.Empty);
        var check = SurveyForms.Check(plan, Audience.Staff, prompt, submission.Values);
        var outside = now < cycle.StartsAt || now >= cycle.EndsAt;
        if (outside || !check.IsValid)
        {
            return await AnsweredBeforeAsync(cycle.Id, respondent, cancellationToken)
                ? ConversationTurn.ReplaceCard(check.Thanks ?? Thanks(plan))
                : ConversationTurn.ReplaceCard(outside ? NotOpen(plan, cycle.StartsAt, cycle.EndsAt, now) : check.Retry!);
        }

        var questions = version.QuestionIds;
        var response = new Response
        {
            Id = Guid.NewGuid(),
            CycleId = cycle.Id,
            RespondentKey = respondent,
            Audience = Audience.Staff,
            Method = CollectionMethod.Survey,
            Segment = await SegmentAsync(party, plan, cancellationToken),
            SubmittedAt = now,
            IdempotencyKey = respondent,
            ReceivedAt = now,
        };
        foreach (var (questionId, value) in check.Answers!)
        {
            var question = plan.FindQuestion(questionId)!;
            response.Answers.Add(new Answer { QuestionId = questions[questionId], Value = value, Number = AnswerValues.Check(question, value).Number });
        }

        // Only that they answered in this cycle, not when: a time would let someone match it with a response.
        // A redelivery whose first copy was stored meanwhile gets the same thanks.
        switch (await writer.StoreAsync(response, party.Person.Id, cycle.StartsAt))
        {
            case StoreOutcome.Stored:
                BotTelemetry.AnswersStored.Add(1, new KeyValuePair<string, object?>("channel", party.Tenant.Channel.ToString().ToLowerInvariant()));
                return ConversationTurn.ReplaceCard(check.Thanks!);
            case StoreOutcome.CycleNotOpen:
                // Closed before its end (the answer came after its close began).
                return await AnsweredBeforeAsync(cycle.Id, respondent, cancellationToken)
                    ? ConversationTurn.ReplaceCard(check.Thanks!)
                    : ConversationTurn.ReplaceCard(NotOpen(plan, cycle.StartsAt, cycle.EndsAt, now));
            default:
                return ConversationTurn.ReplaceCard(check.Thanks!);
        }
    }

    // On submitting, asked only on the rare paths (closed, not valid): someone who has answered is thanked again (a redelivery, a
    // double click, the same person once more) rather than told the pulse closed or shown an error.
    private Task<bool> AnsweredBeforeAsync(Guid cycleId, string respondent, CancellationToken cancellationToken) =>
        db.Responses.AnyAsync(r => r.CycleId == cycleId && r.IdempotencyKey == respondent, cancellationToken);

    private static SurveyThanks Thanks(MeasurementPlan plan) => new(plan.Name, [], Anonymous: true);

    private static bool IsClosed(ReviewCycle cycle, DateTime now) =>
        cycle.State != CycleState.Open || now < cycle.StartsAt || now >= cycle.EndsAt;

    // Closed at its end, not open yet, or closed before its end (a manager's close).
    private static TextReply NotOpen(MeasurementPlan plan, DateTime startsAt, DateTime endsAt, DateTime now) =>
        now >= endsAt ? new($"**{plan.Name}** closed on {Day(endsAt)}; answers are no longer taken.")
        : now < startsAt ? new($"**{plan.Name}** opens on {Day(startsAt)}; answers are taken from then.")
        : new($"**{plan.Name}** has closed; answers are no longer taken.");

    private static string Day(DateTime at) => at.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    // The cycle must belong to a plan of this tenant: a card from elsewhere opens nothing.
    private async Task<(ReviewCycle Cycle, StoredPlanVersion Version)?> FindCycleAsync(ConversationParty party, BotSubmission submission, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(submission.Values.GetValueOrDefault(Verbs.CycleField), out var cycleId))
        {
            return null;
        }

        var cycle = await (from c in db.ReviewCycles
                           join p in db.Plans on c.PlanId equals p.Id
                           where c.Id == cycleId && p.TenantId == party.Tenant.Id
                           select c)
            .SingleOrDefaultAsync(cancellationToken);
        return cycle is not null && await versions.GetAsync(db, cycle.PlanVersionId, cancellationToken) is { } version ? (cycle, version) : null;
    }

    private async Task<string> RespondentAsync(ConversationParty party, ReviewCycle cycle, CancellationToken cancellationToken)
    {
        return RespondentKey.ForStaff(await secret.GetAsync(cancellationToken), party.Tenant.Id, party.ChannelUserId, cycle.Id);
    }

    private async Task<string?> SegmentAsync(ConversationParty party, MeasurementPlan plan, CancellationToken cancellationToken) =>
        plan.Sample.StratifyBy is { } attribute
            ? await db.PersonSegments.Where(s => s.PersonId == party.Person.Id && s.Name == attribute).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken)
            : null;
}
