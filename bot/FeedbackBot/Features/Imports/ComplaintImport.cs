using FeedbackBot.CommandLine;
using FeedbackBot.Core.Plans;
using FeedbackBot.Data;
using FeedbackBot.Infrastructure.Tenancy;

namespace FeedbackBot.Features.Imports;

/// <summary><c>import complaints</c>: entries of a complaints log, for a plan that collects complaints.</summary>
internal static class ComplaintImport
{
    public static async Task<string> RunAsync(
        CliContext context,
        FeedbackDbContext db,
        TenantSelector tenant,
        string planKey,
        string path,
        bool skipBad,
        DateTime now,
        CancellationToken cancellationToken)
    {
        var plan = await ImportPlan.FindAsync(db, tenant, planKey, cancellationToken);
        if (!plan.Current.Methods.Contains(CollectionMethod.Complaints))
        {
            throw new UsageException(
                $"Plan '{plan.Key}' does not collect complaints (its methods: {string.Join(", ", plan.Current.Methods.Select(Plans.PlanDescriptions.Name))}); " +
                "add complaints to its methods, or import into the plan that does.");
        }

        ComplaintRowReader? reader = null;
        var counts = await new ImportRun(context, path, skipBad).RunAsync(
            db,
            (header, errors) => reader = ComplaintRowReader.Create(path, header, errors),
            _ => Task.FromResult<IBatchWriter<ComplaintRow>>(new ComplaintBatchWriter(db, plan.Entity.Id, reader!.Layout, now)),
            cancellationToken);

        return $"imported {ImportValues.Count(counts.Added + counts.Unchanged)} complaints into {plan.Key} " +
            $"({ImportValues.Count(counts.Added)} added, {ImportValues.Count(counts.Unchanged)} already present, {ImportValues.Count(counts.Skipped)} skipped)";
    }
}
