using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Features.DataImports;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.Contacts;

/// <summary><c>feedbackbot contacts list</c> and <c>contacts erase</c>.</summary>
public sealed class ContactsCommandTests
{
    private const string File =
        "contact_id,email,interaction_id,region\n" +
        "C-1,one@example.com,T-1,north\nC-2,two@example.com,T-2,north\nC-3,,T-3,north\nC-4,four@example.com,T-4,south\nC-5,five@example.com,T-5,\n";

    [Fact]
    public async Task ContactsList_PlanWithContacts_PrintsCountsByItsSegmentAndNoAddressOrId()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleData.ApplyPlansAsync(database);
        await ImportAsync(database, ExampleData.CustomerPlan, File);
        await UnsubscribeAsync(database, "C-2");

        var run = await CliRun.RunAsync(database, "contacts", "list", "--plan", ExampleData.CustomerPlan);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(
            """
            customer-experience: 5 contacts (4 with an e-mail address, 1 without, 1 unsubscribed)
            REGION  CONTACTS  WITH E-MAIL  WITHOUT  UNSUBSCRIBED
            (none)  1         1            0        0
            north   3         2            1        1
            south   1         1            0        0

            """.ReplaceLineEndings("\n"),
            run.Out.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("C-", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ContactsErase_ByEmail_DeletesTheContactInEveryPlanAndKeepsOnlyThatTheyWereAsked(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ExampleData.ApplyPlansAsync(database);
        await CustomerPlans.ApplyAsync(CliRun.Settings(database), CustomerPlans.Plan());
        await ImportAsync(database, ExampleData.CustomerPlan, File);
        await ImportAsync(database, CustomerPlans.Key, "contact_id,email,interaction_id\nX-9,One@Example.com,T-99\nX-10,ten@example.com,T-10\n");
        var invitation = await InviteAsync(database, "X-9");

        var run = await CliRun.RunAsync(database, "contacts", "erase", "--email", "one@example.com");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("erased 2 contacts (in care, customer-experience); their invitations keep only that someone was asked.", run.Out.Trim());
        await using var db = database.CreateContext();
        Assert.Equal(["C-2", "C-3", "C-4", "C-5", "X-10"], await db.Contacts.OrderBy(c => c.ContactKey).Select(c => c.ContactKey).ToListAsync());
        var kept = await db.Invitations.SingleAsync(i => i.Id == invitation);
        Assert.Equal(((Guid?)null, (string?)null, "Priya", InvitationState.Sent), (kept.ContactId, kept.InteractionId, kept.Agent, kept.State));
    }

    [Fact]
    public async Task ContactsErase_ByContactIdInAPlan_DeletesOnlyThatOne()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleData.ApplyPlansAsync(database);
        await ImportAsync(database, ExampleData.CustomerPlan, File);

        var run = await CliRun.RunAsync(database, "contacts", "erase", "--contact", "C-4", "--plan", ExampleData.CustomerPlan);
        var again = await CliRun.RunAsync(database, "contacts", "erase", "--contact", "C-4", "--plan", ExampleData.CustomerPlan);

        Assert.Equal("erased 1 contact (in customer-experience); their invitations keep only that someone was asked.", run.Out.Trim());
        Assert.Equal("erased 0 contacts: none matched, so nothing is kept about them.", again.Out.Trim());
        await using var db = database.CreateContext();
        Assert.Equal(4, await db.Contacts.CountAsync());
    }

    [Theory]
    [InlineData("--contact", "C-1")]
    [InlineData("--email", "not-an-address")]
    public async Task ContactsErase_IncompleteOrBadArguments_ExitsTwoChangingNothing(string option, string value)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleData.ApplyPlansAsync(database);
        await ImportAsync(database, ExampleData.CustomerPlan, File);

        var run = await CliRun.RunAsync(database, "contacts", "erase", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("not-an-address", run.Error, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(5, await db.Contacts.CountAsync());
    }

    private static async Task ImportAsync(TestDatabase database, string plan, string csv)
    {
        using var folder = new TempFolder();
        var run = await CliRun.RunAsync(database, "import", "contacts", folder.Write("contacts.csv", csv), "--plan", plan);
        Assert.True(run.ExitCode == 0, run.Error);
    }

    private static async Task UnsubscribeAsync(TestDatabase database, string contactKey)
    {
        await using var db = database.CreateContext();
        var contact = await db.Contacts.SingleAsync(c => c.ContactKey == contactKey);
        db.EmailSuppressions.Add(new EmailSuppression { TenantId = contact.TenantId, EmailHash = contact.EmailHash!, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    /// <summary>An invitation of the contact, sent, in a cycle of its plan.</summary>
    private static async Task<Guid> InviteAsync(TestDatabase database, string contactKey)
    {
        await using var db = database.CreateContext();
        var contact = await db.Contacts.SingleAsync(c => c.ContactKey == contactKey);
        var version = await db.PlanVersions.SingleAsync(v => v.PlanId == contact.PlanId);
        var now = DateTime.UtcNow;
        var cycle = new ReviewCycle { Id = Guid.NewGuid(), PlanId = contact.PlanId, PlanVersionId = version.Id, StartsAt = now.AddDays(-1), EndsAt = now.AddDays(6), State = CycleState.Open, CreatedAt = now };
        var invitation = new Invitation
        {
            Id = Guid.NewGuid(),
            CycleId = cycle.Id,
            ContactId = contact.Id,
            Via = "email",
            InteractionId = contact.InteractionId,
            Agent = "Priya",
            State = InvitationState.Sent,
            CreatedAt = now,
        };
        db.AddRange(cycle, invitation);
        await db.SaveChangesAsync();
        return invitation.Id;
    }
}
