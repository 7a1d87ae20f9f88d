using FeedbackBot.CommandLine;
using FeedbackBot.Core.Plans;
using FeedbackBot.Data;
using FeedbackBot.Infrastructure.Tenancy;

namespace FeedbackBot.Features.Imports;

/// <summary><c>import metrics</c>: daily values of the operational metrics a plan has KPIs for.</summary>
internal static class MetricImport
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
        var metrics = plan.Current.Kpis
            .Where(k => k.Metric == KpiMetric.Operational && k.OperationalMetric is not null)
            .Select(k => k.OperationalMetric!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (metrics.Count == 0)
        {
            throw new UsageException(
                $"Plan '{plan.Key}' has no operational KPI, so no metric values are imported for it; " +
                "add a KPI whose metric is the metric's name (see docs/plans.md), or import into the plan that has one.");
        }

        var counts = await new ImportRun(context, path, skipBad).RunAsync(
            db,
            (header, errors) => MetricRowReader.Create(path, header, plan.Key, metrics, errors),
            _ => Task.FromResult<IBatchWriter<MetricRow>>(new MetricBatchWriter(db, plan.Entity.Id, now)),
            cancellationToken);

        return $"imported {ImportValues.Count(counts.Added + counts.Updated + counts.Unchanged)} metric values into {plan.Key} " +
            $"({ImportValues.Count(counts.Added)} added, {ImportValues.Count(counts.Updated)} updated, " +
            $"{ImportValues.Count(counts.Unchanged)} unchanged, {ImportValues.Count(counts.Skipped)} skipped)";
    }
}
