using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Pulses;

/// <summary>
/// Stored plan versions, parsed once per process. A version never changes once stored (a changed plan is a new
/// version), so the parsed plan can be shared by every answer to its cycles instead of being read and parsed on each.
/// </summary>
internal sealed class PlanVersions
{
    private readonly UnchangingRows<StoredPlanVersion> _parsed = new(capacity: 512);

    public Task<StoredPlanVersion?> GetAsync(FeedbackDbContext db, Guid versionId, CancellationToken cancellationToken) =>
        _parsed.GetAsync(versionId, async () =>
        {
            var definition = await db.PlanVersions.AsNoTracking().Where(v => v.Id == versionId).Select(v => v.Definition).SingleOrDefaultAsync(cancellationToken);
            if (definition is null)
            {
                return null;
            }

            var questions = await db.PlanQuestions.AsNoTracking().Where(q => q.PlanVersionId == versionId).ToDictionaryAsync(q => q.Key, q => q.Id, cancellationToken);
            return new StoredPlanVersion(PlanJson.Deserialize(definition), questions);
        });
}

/// <summary>A plan version as the answer path needs it: the plan, and the stored id of each question by its key.</summary>
internal sealed record StoredPlanVersion(MeasurementPlan Plan, IReadOnlyDictionary<string, Guid> QuestionIds);
