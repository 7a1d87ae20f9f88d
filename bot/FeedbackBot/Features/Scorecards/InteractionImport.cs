using FeedbackBot.CommandLine;
using FeedbackBot.Data;
using FeedbackBot.Features.Imports;
using FeedbackBot.Features.People;
using FeedbackBot.Infrastructure.Tenancy;

namespace FeedbackBot.Features.Scorecards;

/// <summary>
/// <c>import interactions</c>: a helpdesk's or phone system's log of interactions, the population QA samples
/// interactions to evaluate from. It belongs to the tenant, not to a plan: one log serves every plan's scorecards.
/// </summary>
internal static class InteractionImport
{
    public static async Task<string> RunAsync(
        CliContext context,
        FeedbackDbContext db,
        TenantSelector selector,
        string path,
        bool skipBad,
        DateTime now,
        CancellationToken cancellationToken)
    {
        var tenant = await PeopleTenant.FindAsync(db, selector, now, cancellationToken);
        var counts = await new ImportRun(context, path, skipBad).RunAsync(
            db,
            (header, errors) => InteractionRowReader.Create(path, header, errors),
            _ => Task.FromResult<IBatchWriter<InteractionRow>>(new InteractionBatchWriter(db, tenant.Id, now)),
            cancellationToken);

        return $"imported {ImportValues.Count(counts.Added + counts.Updated + counts.Unchanged)} interactions into {selector} " +
            $"({ImportValues.Count(counts.Added)} added, {ImportValues.Count(counts.Updated)} updated, " +
            $"{ImportValues.Count(counts.Unchanged)} unchanged, {ImportValues.Count(counts.Skipped)} skipped)";
    }
}
