using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Privacy;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Imports;

/// <summary>
/// Stores batches of response rows in one cycle. A staff member's id is turned into their pseudonymous key for the
/// cycle before anything is stored, and the row's idempotency key is computed with the key in place of the id, so
/// neither the id nor a hash that could be matched against a list of ids ever reaches the database.
/// </summary>
internal sealed class ResponseBatchWriter : IBatchWriter<ResponseRow>
{
    private readonly FeedbackDbContext _db;
    private readonly Guid _tenantId;
    private readonly Guid _cycleId;
    private readonly byte[] _secret;
    private readonly IReadOnlyDictionary<string, Guid> _questionIds;
    private readonly IReadOnlyList<string> _columns;
    private readonly int _respondentColumn;
    private readonly DateTime _now;

    public ResponseBatchWriter(
        FeedbackDbContext db,
        Guid tenantId,
        Guid cycleId,
        byte[] secret,
        IReadOnlyDictionary<string, Guid> questionIds,
        ColumnLayout layout,
        DateTime now)
    {
        _db = db;
        _tenantId = tenantId;
        _cycleId = cycleId;
        _secret = secret;
        _questionIds = questionIds;
        _columns = layout.Names;
        _respondentColumn = layout.IndexOf(ResponseRowReader.RespondentIdColumn)
            ?? throw new ArgumentException("The layout has no respondent_id column.", nameof(layout));
        _now = now;
    }

    public async Task WriteAsync(IReadOnlyList<ResponseRow> rows, ImportCounts counts, CancellationToken cancellationToken)
    {
        // Rows are only added, so nothing needs detecting; the setting is the caller's again afterwards, since the
        // same context may go on to change tracked entities (the playground's first run does).
        var detect = _db.ChangeTracker.AutoDetectChangesEnabled;
        _db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var keyed = rows.Select(row =>
            {
                var respondentKey = RespondentKeyOf(row);
                var cells = row.Cells.ToArray();
                cells[_respondentColumn] = respondentKey;
                return (Row: row, RespondentKey: respondentKey, IdempotencyKey: ContentKey.Of(_columns, cells));
            }).ToList();

            var keys = keyed.Select(k => k.IdempotencyKey).Distinct().ToList();
            var present = (await _db.Responses
                .Where(r => r.CycleId == _cycleId && keys.Contains(r.IdempotencyKey))
                .Select(r => r.IdempotencyKey)
                .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

            foreach (var (row, respondentKey, idempotencyKey) in keyed)
            {
                // Also true for the second copy of a row within this batch: the first one was just added.
                if (!present.Add(idempotencyKey))
                {
                    counts.Unchanged++;
                    continue;
                }

                _db.Responses.Add(ToResponse(row, respondentKey, idempotencyKey));
                counts.Added++;
            }

            await _db.SaveChangesAsync(cancellationToken);
            _db.ChangeTracker.Clear();
        }
        finally
        {
            _db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private string RespondentKeyOf(ResponseRow row) => row.Audience == Audience.Staff
        ? RespondentKey.ForStaff(_secret, _tenantId, row.RespondentId, _cycleId)
        : ResponseRowReader.CustomerKeyPrefix + row.RespondentId;

    private Response ToResponse(ResponseRow row, string respondentKey, string idempotencyKey)
    {
        var response = new Response
        {
            Id = Guid.NewGuid(),
            CycleId = _cycleId,
            RespondentKey = respondentKey,
            Audience = row.Audience,
            Method = MethodOf(row.Audience),
            Segment = row.Segment,
            SubmittedAt = row.SubmittedAt,
            DurationSeconds = row.DurationSeconds,
            IdempotencyKey = idempotencyKey,
            ReceivedAt = _now,
        };
        foreach (var answer in row.Answers)
        {
            var check = AnswerValues.Check(answer.Question, answer.Value);
            if (!check.IsAnswered)
            {
                continue;
            }

            // A value the question does not allow is kept as given, for the review to count as out of range.
            response.Answers.Add(new Answer
            {
                ResponseId = response.Id,
                QuestionId = _questionIds[answer.Question.Id],
                Value = check.IsAllowed ? check.Normalized : answer.Value,
                Number = check.Number,
            });
        }

        return response;
    }

    /// <summary>
    /// Imported staff answers come from a survey run outside the bot; imported customer answers from a web survey
    /// tool. The plan's methods name these two for exactly those sources.
    /// </summary>
    internal static CollectionMethod MethodOf(Audience audience) =>
        audience == Audience.Staff ? CollectionMethod.Survey : CollectionMethod.WebLink;
}
