using FeedbackBot.CommandLine;
using FeedbackBot.Data;
using FeedbackBot.Features.Imports;
using FeedbackBot.Infrastructure.Tenancy;

namespace FeedbackBot.Features.Scorecards;

/// <summary>
/// <c>import evaluations</c>: QA evaluations scored elsewhere (a spreadsheet, another QA tool), stored against the
/// plan's scorecards as if recorded in chat. Scores are worked out here from the answers, never taken from the file,
/// so every evaluation of a plan is scored by the same rule.
/// </summary>
internal static class EvaluationImport
{
    public static async Task<string> RunAsync(
        CliContext context,
        FeedbackDbContext db,
        TenantSelector selector,
        string planKey,
        string path,
        bool skipBad,
        DateTime now,
        CancellationToken cancellationToken)
    {
        var plan = await ImportPlan.FindAsync(db, selector, planKey, cancellationToken);
        var scorecards = QaPlan.Scorecards(plan);
        var counts = await new ImportRun(context, path, skipBad).RunAsync(
            db,
            (header, errors) => EvaluationRowReader.Create(path, header, plan.Key, scorecards, errors),
            _ => Task.FromResult<IBatchWriter<EvaluationRow>>(new EvaluationBatchWriter(db, plan, now)),
            cancellationToken);

        return $"imported {ImportValues.Count(counts.Added + counts.Updated + counts.Unchanged)} evaluations into {plan.Key} " +
            $"({ImportValues.Count(counts.Added)} added, {ImportValues.Count(counts.Updated)} updated, " +
            $"{ImportValues.Count(counts.Unchanged)} unchanged, {ImportValues.Count(counts.Skipped)} skipped)";
    }
}
