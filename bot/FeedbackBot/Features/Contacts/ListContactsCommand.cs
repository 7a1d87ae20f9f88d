using System.CommandLine;
using System.Globalization;
using FeedbackBot.CommandLine;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Sampling;
using FeedbackBot.Data;
using FeedbackBot.Features.Imports;
using FeedbackBot.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Contacts;

/// <summary>
/// <c>feedbackbot contacts list --plan ID</c>: how many contacts a plan has, with and without an address and how
/// many unsubscribed, by the plan's stratifying attribute. Counts only: no address, id or name is ever printed.
/// </summary>
internal static class ListContactsCommand
{
    public static Command Create(CliContext context)
    {
        var plan = ImportOptions.Plan();
        var tenant = TenantSelector.CreateOption();
        var command = new Command("list", "Count a plan's contacts: with an e-mail address, without, unsubscribed; by the plan's segment attribute.") { plan, tenant };
        command.AllowOverrides().SetAction(async (parseResult, cancellationToken) =>
        {
            var selector = TenantSelector.Parse(parseResult.GetValue(tenant));
            return await ContactsCommand.RunAsync(parseResult, context, async (db, _, _) =>
                await context.Out.WriteAsync(await ListAsync(db, selector, parseResult.GetRequiredValue(plan), cancellationToken)), cancellationToken);
        });
        return command;
    }

    internal static async Task<string> ListAsync(FeedbackDbContext db, TenantSelector selector, string planKey, CancellationToken cancellationToken)
    {
        var plan = await ImportPlan.FindAsync(db, selector, planKey, cancellationToken);
        if (!plan.Current.Audiences.Contains(Audience.Customer))
        {
            throw new UsageException($"Plan '{plan.Key}' does not ask customers, so it has no contacts; see 'feedbackbot plans list'.");
        }

        var tenantId = plan.Tenant.Id;
        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => c.PlanId == plan.Entity.Id)
            .Select(c => new
            {
                c.Segments,
                HasEmail = c.EmailHash != null,
                Unsubscribed = c.EmailHash != null && db.EmailSuppressions.Any(s => s.TenantId == tenantId && s.EmailHash == c.EmailHash),
            })
            .ToListAsync(cancellationToken);
        var attribute = plan.Current.Sample.StratifyBy;
        var rows = contacts
            .GroupBy(c => attribute is null ? Sampler.WholePopulationStratum : ContactSegments.ValueOf(c.Segments, attribute) ?? Sampler.NoValueStratum, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<string>)
            [
                g.Key,
                Count(g.Count()),
                Count(g.Count(c => c.HasEmail)),
                Count(g.Count(c => !c.HasEmail)),
                Count(g.Count(c => c.Unsubscribed)),
            ])
            .ToList();
        var summary = $"{plan.Key}: {Count(contacts.Count)} contacts ({Count(contacts.Count(c => c.HasEmail))} with an e-mail address, " +
            $"{Count(contacts.Count(c => !c.HasEmail))} without, {Count(contacts.Count(c => c.Unsubscribed))} unsubscribed)";
        return contacts.Count == 0
            ? summary + "; import some with 'feedbackbot import contacts FILE.csv --plan " + plan.Key + "'.\n"
            : summary + "\n" + TextTable.Format([(attribute ?? "segment").ToUpperInvariant(), "CONTACTS", "WITH E-MAIL", "WITHOUT", "UNSUBSCRIBED"], rows);
    }

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
