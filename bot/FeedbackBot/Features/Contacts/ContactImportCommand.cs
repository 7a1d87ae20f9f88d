using System.CommandLine;
using FeedbackBot.CommandLine;
using FeedbackBot.Features.Imports;
using FeedbackBot.Infrastructure.Tenancy;

namespace FeedbackBot.Features.Contacts;

/// <summary><c>feedbackbot import contacts FILE.csv --plan ID</c>: the customers a customer plan draws its samples from.</summary>
internal static class ContactImportCommand
{
    public static Command Create(CliContext context)
    {
        var file = ImportOptions.File(
            "CSV file: contact_id, optional email, interaction_id, agent, channel, last_contact_at, and any other column as a segment attribute (region, tier, ...).");
        var plan = ImportOptions.Plan();
        var skipBad = ImportOptions.SkipBad();
        var tenant = TenantSelector.CreateOption();
        var command = new Command("contacts", "Import or update the customer contacts of a customer plan; addresses are stored encrypted (docs/customers.md).")
        {
            file, plan, skipBad, tenant,
        };
        command.AllowOverrides().SetAction(async (parseResult, cancellationToken) =>
        {
            var selector = TenantSelector.Parse(parseResult.GetValue(tenant));
            var path = ImportOptions.RequireFile(parseResult.GetRequiredValue(file));
            return await ImportCommand.RunAsync(
                parseResult,
                context,
                (services, db, now) => ContactImport.RunAsync(
                    context, db, services.GetRequiredService<ContactEmails>(), selector, parseResult.GetRequiredValue(plan), path, parseResult.GetValue(skipBad), now, cancellationToken),
                (services, _) => services.AddContactEmails(),
                cancellationToken);
        });
        return command;
    }
}
