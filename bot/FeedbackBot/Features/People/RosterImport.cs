using FeedbackBot.CommandLine;
using FeedbackBot.Data;
using FeedbackBot.Features.Imports;
using FeedbackBot.Infrastructure.Tenancy;

namespace FeedbackBot.Features.People;

/// <summary><c>import people</c>: a CSV roster of the tenant's staff, checked whole and stored in one transaction.</summary>
internal static class RosterImport
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

        // The import pass's reader: the writer's last step asks it whom the rows left out for errors name.
        RosterRowReader? reader = null;
        RosterBatchWriter? writer = null;
        var counts = await new ImportRun(context, path, skipBad).RunAsync(
            db,
            (header, errors) => reader = RosterRowReader.Create(path, header, errors),
            _ => Task.FromResult<IBatchWriter<RosterRow>>(writer = new RosterBatchWriter(context, db, tenant.Id, path, skipBad, () => reader!, now)),
            cancellationToken);

        var listed = counts.Added + counts.Updated + counts.Unchanged;
        var summary = $"imported {ImportValues.Count(listed)} people into {selector} " +
            $"({ImportValues.Count(counts.Added)} added, {ImportValues.Count(counts.Updated)} updated, {ImportValues.Count(counts.Unchanged)} unchanged, " +
            $"{ImportValues.Count(writer!.Left)} left, {ImportValues.Count(counts.Skipped)} skipped for errors)";
        return writer.AdminsKept == 0
            ? summary
            : summary + $"; {ImportValues.Count(writer.AdminsKept)} admin(s) kept the admin role the file would have changed: a roster never demotes an admin";
    }
}
