using System.CommandLine;
using FeedbackBot.CommandLine;
using FeedbackBot.Data;
using FeedbackBot.Infrastructure.Storage;
using FeedbackBot.Infrastructure.Tenancy;

namespace FeedbackBot.Features.Contacts;

/// <summary><c>feedbackbot contacts</c>: what is kept about customers, as counts, and erasing a customer on request.</summary>
internal static class ContactsCommand
{
    public static Command Create(CliContext context) =>
        new("contacts", "Customer contacts: counts per plan, and erasure on request (docs/customers.md).")
        {
            ListContactsCommand.Create(context),
            EraseContactsCommand.Create(context),
        };

    /// <summary>Runs a contacts command on the migrated database, with the keys addresses are hashed with.</summary>
    internal static async Task<int> RunAsync(
        ParseResult parseResult, CliContext context, Func<FeedbackDbContext, ContactEmails, DateTime, Task> run, CancellationToken cancellationToken)
    {
        await using var services = CommandServices.Create(parseResult, context, (s, _) => s.AddContactEmails());
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await run(db, services.GetRequiredService<ContactEmails>(), now);
        return ExitCodes.Ok;
    }

    /// <summary>The tenant the command names, or a usage error.</summary>
    internal static async Task<Data.Entities.Tenant> TenantAsync(FeedbackDbContext db, TenantSelector selector, CancellationToken cancellationToken) =>
        await selector.FindAsync(db, cancellationToken)
        ?? throw new UsageException($"There is no tenant {selector}; see 'feedbackbot plans list --tenant ...'.");
}
