using FeedbackBot.CommandLine;
using FeedbackBot.Core.Plans;
using FeedbackBot.Data;
using FeedbackBot.Features.Imports;
using FeedbackBot.Infrastructure.Tenancy;

namespace FeedbackBot.Features.Contacts;

/// <summary><c>import contacts</c>: the customers a customer plan may invite, with their e-mail addresses kept encrypted.</summary>
internal static class ContactImport
{
    public static async Task<string> RunAsync(
        CliContext context,
        FeedbackDbContext db,
        ContactEmails emails,
        TenantSelector tenant,
        string planKey,
        string path,
        bool skipBad,
        DateTime now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(emails);
        var plan = await ImportPlan.FindAsync(db, tenant, planKey, cancellationToken);
        if (!plan.Current.Audiences.Contains(Audience.Customer))
        {
            throw new UsageException(
                $"Plan '{plan.Key}' does not ask customers (its audiences: {string.Join(", ", plan.Current.Audiences.Select(Plans.PlanDescriptions.Name))}); " +
                "contacts are imported into a plan whose audiences include customer.");
        }

        await emails.PrepareAsync(cancellationToken);
        ContactRowReader? reader = null;
        var counts = await new ImportRun(context, path, skipBad).RunAsync(
            db,
            (header, errors) => reader = ContactRowReader.Create(path, header, errors),
            _ => Task.FromResult<IBatchWriter<ContactRow>>(new ContactBatchWriter(db, emails, plan.Tenant.Id, plan.Entity.Id, reader!.Columns, now)),
            cancellationToken);

        if (plan.Current.Sample.StratifyBy is { } attribute && !reader!.Columns.Segments.Contains(attribute, StringComparer.Ordinal))
        {
            await context.Error.WriteLineAsync(
                $"{path}:1: warning: plan '{plan.Key}' samples by '{attribute}', which this file has no column for; contacts without it are drawn as one group, '(none)'.");
        }

        return $"imported {ImportValues.Count(counts.Added + counts.Updated + counts.Unchanged)} contacts into {plan.Key} " +
            $"({ImportValues.Count(counts.Added)} added, {ImportValues.Count(counts.Updated)} updated, " +
            $"{ImportValues.Count(counts.Unchanged)} unchanged, {ImportValues.Count(counts.Skipped)} skipped)";
    }
}
