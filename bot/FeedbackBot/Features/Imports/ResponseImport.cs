using FeedbackBot.CommandLine;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Features.Cycles;
using FeedbackBot.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Imports;

/// <summary><c>import responses</c>: survey responses into one cycle of a plan.</summary>
internal static class ResponseImport
{
    public static async Task<string> RunAsync(
        CliContext context,
        FeedbackDbContext db,
        TenantSelector tenant,
        string planKey,
        CycleDates dates,
        string path,
        bool skipBad,
        DateTime now,
        CancellationToken cancellationToken)
    {
        var plan = await ImportPlan.FindAsync(db, tenant, planKey, cancellationToken);
        var cycle = await ImportCycle.FindOrPlanAsync(db, plan, dates, now, cancellationToken);

        // A reused cycle keeps the version it ran under, so its answers point at that version's questions.
        var version = await db.PlanVersions.AsNoTracking()
            .Where(v => v.Id == cycle.PlanVersionId)
            .Select(v => new { v.Number, v.Definition })
            .SingleAsync(cancellationToken);
        var definition = PlanJson.Deserialize(version.Definition);
        var questionIds = await db.PlanQuestions.AsNoTracking()
            .Where(q => q.PlanVersionId == cycle.PlanVersionId)
            .ToDictionaryAsync(q => q.Key, q => q.Id, StringComparer.Ordinal, cancellationToken);

        ResponseRowReader? reader = null;
        var run = new ImportRun(context, path, skipBad);
        var counts = await run.RunAsync(
            db,
            (header, errors) => reader = ResponseRowReader.Create(path, header, definition, errors),
            async ct =>
            {
                if (cycle.IsNew)
                {
                    db.ReviewCycles.Add(cycle.ToEntity(plan.Entity.Id, now));
                    await db.SaveChangesAsync(ct);
                }

                var secret = definition.Audiences.Contains(Audience.Staff)
                    ? await Data.InstallationSecrets.GetOrCreateAsync(db, Data.InstallationSecrets.RespondentKeyName, ct)
                    : [];
                return new ResponseBatchWriter(db, plan.Tenant.Id, cycle.Id, secret, questionIds, reader!.Layout, now);
            },
            cancellationToken);

        var created = cycle.IsNew
            ? $"; new cycle, {cycle.State.ToString().ToLowerInvariant()}, plan version {version.Number}"
            : string.Empty;
        var warned = counts.Warnings == 0
            ? string.Empty
            : $"; {ImportValues.Count(counts.Warnings)} answer(s) in {ImportValues.Count(counts.RowsWithWarnings)} response(s) " +
                "are not allowed for their question and were stored as given: the review counts those responses as out of range";
        return $"imported {ImportValues.Count(counts.Added + counts.Unchanged)} responses into {plan.Key} {cycle.Window} " +
            $"({ImportValues.Count(counts.Added)} added, {ImportValues.Count(counts.Unchanged)} already present, " +
            $"{ImportValues.Count(counts.Skipped)} skipped{created}){warned}";
    }
}
