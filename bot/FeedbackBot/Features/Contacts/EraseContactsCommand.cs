using System.CommandLine;
using FeedbackBot.CommandLine;
using FeedbackBot.Data;
using FeedbackBot.Features.Reviews;
using FeedbackBot.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Contacts;

/// <summary>
/// <c>feedbackbot contacts erase (--email ADDRESS | --contact ID --plan ID)</c>: deletes a customer's contact rows
/// (by address, in every plan of the tenant). Their invitations stay, so response rates stay true, but lose the
/// contact and the interaction id; e-mails still queued to them find no contact and are dropped.
/// </summary>
internal static class EraseContactsCommand
{
    public static Command Create(CliContext context)
    {
        var email = new Option<string?>("--email") { Description = "Erase every contact with this e-mail address, in every plan of the tenant (or in --plan)." };
        var contact = new Option<string?>("--contact") { Description = "Erase the contact with this contact_id; needs --plan." };
        var plan = new Option<string?>("--plan") { Description = "The plan the contact belongs to (see 'feedbackbot plans list')." };
        var tenant = TenantSelector.CreateOption();
        var command = new Command("erase", "Erase a customer's contact details on request: by e-mail address, or by contact_id in a plan.") { email, contact, plan, tenant };
        command.AllowOverrides().SetAction(async (parseResult, cancellationToken) =>
        {
            var address = parseResult.GetValue(email)?.Trim();
            var key = parseResult.GetValue(contact)?.Trim();
            var planKey = parseResult.GetValue(plan)?.Trim();
            if (string.IsNullOrEmpty(address) == string.IsNullOrEmpty(key))
            {
                throw new UsageException("Name who to erase with either --email ADDRESS or --contact ID --plan ID.");
            }

            if (!string.IsNullOrEmpty(key) && string.IsNullOrEmpty(planKey))
            {
                throw new UsageException("--contact needs --plan: contact ids are the plan's own.");
            }

            if (!string.IsNullOrEmpty(address) && !ContactEmails.LooksLikeEmail(address))
            {
                throw new UsageException("--email is not an e-mail address (the value is not shown).");
            }

            var selector = TenantSelector.Parse(parseResult.GetValue(tenant));
            return await ContactsCommand.RunAsync(parseResult, context, async (db, emails, _) =>
            {
                var erased = await EraseAsync(db, emails, selector, address, key, planKey, cancellationToken);
                await context.Out.WriteLineAsync(erased.Count == 0
                    ? "erased 0 contacts: none matched, so nothing is kept about them."
                    : $"erased {erased.Count} contact{(erased.Count == 1 ? "" : "s")} (in {string.Join(", ", erased.Plans)}); their invitations keep only that someone was asked.");
            }, cancellationToken);
        });
        return command;
    }

    internal static async Task<(int Count, IReadOnlyList<string> Plans)> EraseAsync(
        FeedbackDbContext db, ContactEmails emails, TenantSelector selector, string? address, string? key, string? planKey, CancellationToken cancellationToken)
    {
        var owner = await ContactsCommand.TenantAsync(db, selector, cancellationToken);
        var contacts = db.Contacts.Where(c => c.TenantId == owner.Id);
        if (planKey is not null)
        {
            var plan = await db.FindPlanAsync(owner.Id, planKey, cancellationToken)
                ?? throw new UsageException($"No plan '{planKey}' in tenant {selector}; see 'feedbackbot plans list'.");
            contacts = contacts.Where(c => c.PlanId == plan.Id);
        }

        if (address is not null)
        {
            var hash = await emails.HashAsync(address, cancellationToken);
            contacts = contacts.Where(c => c.EmailHash == hash);
        }
        else
        {
            contacts = contacts.Where(c => c.ContactKey == key);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var found = await contacts.Select(c => new { c.Id, Plan = c.Plan!.Key }).ToListAsync(cancellationToken);
        var ids = found.Select(c => c.Id).ToList();

        // The interaction id points into the helpdesk, where it names the customer: it goes with them.
        await db.Invitations.Where(i => i.ContactId != null && ids.Contains(i.ContactId.Value))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.InteractionId, (string?)null).SetProperty(i => i.ContactId, (Guid?)null), cancellationToken);
        await db.Contacts.Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (found.Count, [.. found.Select(c => c.Plan).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }
}
