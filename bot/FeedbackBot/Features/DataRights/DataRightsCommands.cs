using System.CommandLine;
using FeedbackBot.CommandLine;
using FeedbackBot.Features.Audit;
using FeedbackBot.Features.Contacts;
using FeedbackBot.Infrastructure.Tenancy;

namespace FeedbackBot.Features.DataRights;

/// <summary>
/// <c>feedbackbot people export PERSON [--out FILE]</c> and <c>feedbackbot people erase PERSON</c>: a person's right of
/// access and right to erasure (docs/privacy.md). Both are written to the audit trail.
/// </summary>
internal static class DataRightsCommands
{
    private const string PersonHelp =
        "The person: an e-mail address (a member of staff's work address, and any customer contact with it), a Teams or Slack user id, or a person's id from an export.";

    public static Command Export(CliContext context)
    {
        var person = new Argument<string>("PERSON") { Description = PersonHelp };
        var output = new Option<FileInfo?>("--out") { Description = "Write the JSON to this file instead of standard output." };
        var tenant = TenantSelector.CreateOption();
        var command = new Command("export", "Everything stored about a person, as JSON: their person row, conversations, invitations, evaluations, actions, contact rows and audit entries.")
        {
            person, output, tenant,
        };
        command.AllowOverrides().SetAction(async (parseResult, cancellationToken) =>
        {
            var query = parseResult.GetRequiredValue(person).Trim();
            var selector = TenantSelector.Parse(parseResult.GetValue(tenant));
            return await ContactsCommand.RunAsync(parseResult, context, async (db, emails, now) =>
            {
                var owner = await ContactsCommand.TenantAsync(db, selector, cancellationToken);
                var subject = await DataSubject.FindAsync(db, emails, owner, query, cancellationToken);
                if (subject.IsEmpty)
                {
                    throw new UsageException($"Nobody in tenant {selector} is '{query}': nothing is stored about them, so there is nothing to export.");
                }

                var json = await PersonExport.WriteAsync(db, emails, subject, query, now, cancellationToken);
                foreach (var reference in References(subject))
                {
                    AuditTrail.Add(db, owner.Id, now, AuditTrail.CommandLine, AuditTrail.PersonExported, reference);
                }

                await db.SaveChangesAsync(cancellationToken);
                await CommandOutput.WriteAsync(context, parseResult.GetValue(output), json, cancellationToken);
            }, cancellationToken);
        });
        return command;
    }

    public static Command Erase(CliContext context)
    {
        var person = new Argument<string>("PERSON") { Description = PersonHelp };
        var tenant = TenantSelector.CreateOption();
        var command = new Command(
            "erase",
            "Erase a person's personal data: their person row, conversations, invitations, evaluations of them, contact rows and queued messages; " +
            "their name where it stands beside others' data is replaced by [erased]. Aggregates and anonymous answers stay. Erasing again changes nothing.")
        {
            person, tenant,
        };
        command.AllowOverrides().SetAction(async (parseResult, cancellationToken) =>
        {
            var query = parseResult.GetRequiredValue(person).Trim();
            var selector = TenantSelector.Parse(parseResult.GetValue(tenant));
            return await ContactsCommand.RunAsync(parseResult, context, async (db, emails, now) =>
            {
                var owner = await ContactsCommand.TenantAsync(db, selector, cancellationToken);
                var subject = await DataSubject.FindAsync(db, emails, owner, query, cancellationToken);
                if (subject.IsEmpty)
                {
                    await context.Out.WriteLineAsync("Nothing is stored about them: nothing to erase.");
                    return;
                }

                var outcome = await PersonErasure.EraseAsync(db, subject, cancellationToken);

                // The trail records that an erasure happened, under a reference of its own: naming whom would store
                // again what was just removed. The operator keeps the reference with the request.
                var reference = $"erasure:{Guid.NewGuid():N}";
                AuditTrail.Add(db, owner.Id, now, AuditTrail.CommandLine, AuditTrail.PersonErased, reference, outcome.ToString());
                await db.SaveChangesAsync(cancellationToken);
                await context.Out.WriteLineAsync($"Erased: {outcome}. Reference for the request: {reference}.");
            }, cancellationToken);
        });
        return command;
    }

    /// <summary>The audit subject of each row exported: an erasure later replaces the person's by the tombstone.</summary>
    private static IEnumerable<string> References(DataSubject subject) =>
        subject.People.Select(p => $"{p.Id:D}").Concat(subject.Contacts.Select(c => $"contact:{c.Id:D}"));
}
