using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Plans;
using FeedbackBot.Data;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Reviews;

/// <summary>
/// Streams a cycle's responses out of the database one respondent at a time, into a <see cref="CycleAnalyzer"/>:
/// memory holds one respondent's responses, never the cycle's.
/// </summary>
internal static class CycleResponses
{
    public static async Task<CycleTallies> AnalyseAsync(
        FeedbackDbContext db, Guid cycleId, MeasurementPlan plan, CycleWindow window, CancellationToken cancellationToken)
    {
        var analyzer = new CycleAnalyzer(plan, window);
        var questionKeys = await db.PlanQuestions
            .AsNoTracking()
            .Where(q => db.ReviewCycles.Any(c => c.Id == cycleId && c.PlanVersionId == q.PlanVersionId))
            .ToDictionaryAsync(q => q.Id, q => q.Key, cancellationToken);

        var rows = Rows(db, cycleId);

        var respondent = new List<ResponseRecord>();
        string? currentKey = null;
        Guid? currentResponse = null;
        Row? head = null;
        var answersOfResponse = new Dictionary<string, string>(StringComparer.Ordinal);

        void FlushResponse()
        {
            if (head is { } h)
            {
                respondent.Add(new ResponseRecord(h.RespondentKey, h.SubmittedAt, h.Audience, h.Segment, h.DurationSeconds, answersOfResponse, h.Agent, h.InteractionChannel));
                answersOfResponse = new Dictionary<string, string>(StringComparer.Ordinal);
            }
        }

        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (row.ResponseId != currentResponse)
            {
                FlushResponse();
                if (row.RespondentKey != currentKey)
                {
                    if (respondent.Count > 0)
                    {
                        analyzer.AddRespondent(respondent);
                        respondent = [];
                    }

                    currentKey = row.RespondentKey;
                }

                currentResponse = row.ResponseId;
                head = row;
            }

            if (row.QuestionId is { } questionId && row.Value is not null && questionKeys.TryGetValue(questionId, out var key))
            {
                answersOfResponse[key] = row.Value;
            }
        }

        FlushResponse();
        if (respondent.Count > 0)
        {
            analyzer.AddRespondent(respondent);
        }

        return analyzer.Complete();
    }

    /// <summary>
    /// One flat row per answer (or per response without answers), ordered by respondent and response, so the
    /// database streams it and the grouping above needs only the current respondent in memory.
    /// </summary>
    public static IQueryable<Row> Rows(FeedbackDbContext db, Guid cycleId) =>
        from r in db.Responses.AsNoTracking()
        where r.CycleId == cycleId
        join a in db.Answers.AsNoTracking() on r.Id equals a.ResponseId into answers
        from a in answers.DefaultIfEmpty()
        orderby r.RespondentKey, r.Id
        select new Row(r.Id, r.RespondentKey, r.SubmittedAt, r.Audience, r.Segment, r.DurationSeconds, a == null ? (Guid?)null : a.QuestionId, a == null ? null : a.Value, r.Agent, r.InteractionChannel);

    internal sealed record Row(
        Guid ResponseId,
        string RespondentKey,
        DateTime SubmittedAt,
        Audience Audience,
        string? Segment,
        double? DurationSeconds,
        Guid? QuestionId,
        string? Value,
        string? Agent,
        string? InteractionChannel);
}
