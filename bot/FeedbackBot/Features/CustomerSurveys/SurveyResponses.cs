using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Plans;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.CustomerSurveys;

/// <summary>
/// Stores a survey link's one response: the answers, under the customer's key, carrying the invitation and the
/// interaction it asked about, with the invitation marked answered in the same transaction.
/// </summary>
internal sealed class SurveyResponses(FeedbackDbContext db, TimeProvider clock, ILogger<SurveyResponses> log)
{
    /// <summary>True when this call stored the response; false when the link's response was stored before (by this or another request).</summary>
    public async Task<bool> StoreAsync(SurveyLink link, IReadOnlyDictionary<string, string> answers, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.SingleAsync(i => i.Id == link.Invitation.Id, cancellationToken);
        var respondent = invitation.ContactId is { } contactId
            ? await db.Contacts.Where(c => c.Id == contactId).Select(c => c.ContactKey).SingleOrDefaultAsync(cancellationToken)
            : null;
        var now = clock.GetUtcNow().UtcDateTime;
        var questions = await db.PlanQuestions.Where(q => q.PlanVersionId == link.Cycle.PlanVersionId).ToDictionaryAsync(q => q.Key, q => q.Id, cancellationToken);
        var response = new Response
        {
            Id = Guid.NewGuid(),
            CycleId = link.Cycle.Id,
            // The customer's own key when the invitation came from a contact, so a response imported for the same
            // customer counts as a duplicate; a link handed out has only its invitation to name who answered.
            RespondentKey = respondent ?? invitation.Id.ToString("D"),
            Audience = Audience.Customer,
            Method = CollectionMethod.WebLink,
            Segment = invitation.Segment,
            SubmittedAt = now,
            IdempotencyKey = IdempotencyKey(invitation.Id),
            ReceivedAt = now,
            InvitationId = invitation.Id,
            Agent = invitation.Agent,
            InteractionChannel = invitation.InteractionChannel,
        };
        foreach (var (questionId, value) in answers)
        {
            var question = link.Plan.FindQuestion(questionId)!;
            response.Answers.Add(new Answer { QuestionId = questions[questionId], Value = value, Number = AnswerValues.Check(question, value).Number });
        }

        db.Responses.Add(response);
        invitation.State = InvitationState.Answered;
        invitation.AnsweredAt = now;
        try
        {
            // One SaveChanges, one transaction: the response and the invitation's new state are stored together or not at all.
            await db.SaveChangesAsync(cancellationToken);
            BotTelemetry.AnswersStored.Add(1, new KeyValuePair<string, object?>("channel", "web"));
        }
        catch (DbUpdateException)
        {
            // A double click or two tabs at once: the unique index on the invitation let one request store it, and this
            // one stored nothing. Anything else is a real failure.
            db.ChangeTracker.Clear();
            if (await db.Responses.AnyAsync(r => r.InvitationId == invitation.Id, cancellationToken))
            {
                return false;
            }

            throw;
        }

        if (log.IsEnabled(LogLevel.Information))
        {
            log.LogInformation("Survey link answered: invitation {Invitation} of cycle {Cycle}", invitation.Id, link.Cycle.Id);
        }

        return true;
    }

    /// <summary>The response's idempotency key: the invitation's, so that however it arrives, one link stores one response.</summary>
    public static string IdempotencyKey(Guid invitationId) => $"invitation:{invitationId:N}";
}
