using System.Text;
using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Features.DataImports;
using FeedbackBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.Contacts;

public sealed class ImportContactsTests
{
    private const string Good =
        "contact_id,email,interaction_id,agent,channel,last_contact_at,region,tier\n" +
        "C-1001,Alice.Jones@Example.com,T-1,Priya,phone,2026-11-30T14:05:00Z,north,gold\n" +
        "C-1002,bob.smith@example.org,T-2,Tom,Face to face,2026-11-29,south,\n" +
        "C-1003,,T-3,Priya,chat,,midlands,silver\n";

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportContacts_GoodFile_StoresEachContactWithItsAddressEncryptedAndHashed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ExampleData.ApplyPlansAsync(database);
        using var folder = new TempFolder();
        var file = folder.Write("contacts.csv", Good);

        var run = await CliRun.RunAsync(database, "import", "contacts", file, "--plan", ExampleData.CustomerPlan);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("imported 3 contacts into customer-experience (3 added, 0 updated, 0 unchanged, 0 skipped)", run.Out.Trim());
        Assert.DoesNotContain("@", run.Out + run.Error, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        var contacts = await db.Contacts.OrderBy(c => c.ContactKey).ToListAsync();
        Assert.Equal(["C-1001", "C-1002", "C-1003"], contacts.Select(c => c.ContactKey));
        var alice = contacts[0];
        Assert.Equal(("T-1", "Priya", "phone", new DateTime(2026, 11, 30, 14, 5, 0)), (alice.InteractionId, alice.Agent, alice.InteractionChannel, alice.LastContactAt));
        Assert.Equal("""{"region":"north","tier":"gold"}""", alice.Segments);
        Assert.Equal(("face_to_face", """{"region":"south"}"""), (contacts[1].InteractionChannel, contacts[1].Segments));
        Assert.Matches("^[0-9a-f]{64}$", alice.EmailHash);
        Assert.NotNull(alice.EmailProtected);
        Assert.DoesNotContain("alice", alice.EmailProtected, StringComparison.OrdinalIgnoreCase);
        Assert.Null(contacts[2].EmailHash);
        Assert.Null(contacts[2].EmailProtected);
    }

    [Fact]
    public async Task ImportContacts_GoodFile_NoAddressAnywhereInTheDatabaseFile()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleData.ApplyPlansAsync(database);
        using var folder = new TempFolder();
        var file = folder.Write("contacts.csv", Good);

        Assert.Equal(0, (await CliRun.RunAsync(database, "import", "contacts", file, "--plan", ExampleData.CustomerPlan)).ExitCode);

        // Every page of the database as stored, write-ahead log included: the address must be in none of them.
        SqliteConnection.ClearAllPools();
        var path = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        var stored = string.Concat(new[] { path, path + "-wal" }.Where(File.Exists).Select(f => Encoding.Latin1.GetString(File.ReadAllBytes(f))));
        Assert.Contains("C-1001", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("alice.jones", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("bob.smith", stored, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportContacts_SameFileTwice_ChangesNothingTheSecondTime(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ExampleData.ApplyPlansAsync(database);
        using var folder = new TempFolder();
        var file = folder.Write("contacts.csv", Good);
        Assert.Equal(0, (await CliRun.RunAsync(database, "import", "contacts", file, "--plan", ExampleData.CustomerPlan)).ExitCode);
        var before = await StoredAsync(database);

        var again = await CliRun.RunAsync(database, "import", "contacts", file, "--plan", ExampleData.CustomerPlan);

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Equal("imported 3 contacts into customer-experience (0 added, 0 updated, 3 unchanged, 0 skipped)", again.Out.Trim());
        Assert.Equal(before, await StoredAsync(database));
    }

    [Fact]
    public async Task ImportContacts_ChangedRowsAndMissingColumns_UpdatesWhatTheFileSaysAndKeepsTheRest()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleData.ApplyPlansAsync(database);
        using var folder = new TempFolder();
        Assert.Equal(0, (await CliRun.RunAsync(database, "import", "contacts", folder.Write("contacts.csv", Good), "--plan", ExampleData.CustomerPlan)).ExitCode);
        var before = (await StoredAsync(database)).ToDictionary(c => c.Key);
        // A later export without the interaction columns: a new address for one, a new region for another.
        var later = folder.Write("later.csv",
            "contact_id,email,region\nC-1001,alice.j@example.com,north\nC-1002,bob.smith@example.org,west\nC-1003,,midlands\nC-1004,dan@example.net,\n");

        var run = await CliRun.RunAsync(database, "import", "contacts", later, "--plan", ExampleData.CustomerPlan);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("imported 4 contacts into customer-experience (1 added, 2 updated, 1 unchanged, 0 skipped)", run.Out.Trim());
        var after = (await StoredAsync(database)).ToDictionary(c => c.Key);
        Assert.NotEqual(before["C-1001"].EmailHash, after["C-1001"].EmailHash);
        Assert.Equal(before["C-1001"] with { EmailHash = after["C-1001"].EmailHash, EmailProtected = after["C-1001"].EmailProtected, UpdatedAt = after["C-1001"].UpdatedAt }, after["C-1001"]);
        Assert.Equal(("""{"region":"west"}""", "T-2", before["C-1002"].EmailProtected), (after["C-1002"].Segments, after["C-1002"].InteractionId, after["C-1002"].EmailProtected));
        Assert.Equal(before["C-1003"], after["C-1003"]);
    }

    [Fact]
    public async Task ImportContacts_BadRows_ListsEveryErrorWithoutAnyAddressAndStoresNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleData.ApplyPlansAsync(database);
        using var folder = new TempFolder();
        var file = folder.Write("contacts.csv",
            "contact_id,email,channel,last_contact_at,region\n" +
            "C-1,ok@example.com,phone,2026-11-30,north\n" +
            ",nobody@example.com,chat,,south\n" +
            "C-3,secret.person@nowhere,fax,yesterday,north\n" +
            "jane.doe@example.com,jane.doe@example.com,,,\n");

        var run = await CliRun.RunAsync(database, "import", "contacts", file, "--plan", ExampleData.CustomerPlan);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            [
                $"{file}:3:contact_id: contact_id is empty; every contact needs the customer's id in your CRM or helpdesk",
                $"{file}:4:email: email is not one e-mail address (the value is not shown): expected name@domain.example, with no spaces",
                $"{file}:4:channel: 'fax' is not a channel; use one of: phone, email, chat, face_to_face, social, other",
                $"{file}:4:last_contact_at: 'yesterday' is not an ISO 8601 date or date and time, such as 2026-10-05 or 2026-10-05T14:30:00Z (no offset means UTC)",
                $"{file}:5:contact_id: contact_id looks like an e-mail address (not shown); use the customer's id in your CRM or helpdesk, and put the address in the email column",
                $"Nothing was stored: 5 error(s) in 3 row(s) of {file}. Fix them and import the file again, or store only the good rows with --skip-bad.",
            ],
            run.ErrorLines);
        Assert.DoesNotContain("secret.person", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("jane.doe", run.Error, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Contacts.CountAsync());
    }

    [Fact]
    public async Task ImportContacts_SkipBad_StoresTheGoodRowsAndCountsTheSkipped()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleData.ApplyPlansAsync(database);
        using var folder = new TempFolder();
        var file = folder.Write("contacts.csv", "contact_id,email,channel\nC-1,ok@example.com,phone\nC-2,two@example.com,pigeon\nC-3,,email\n");

        var run = await CliRun.RunAsync(database, "import", "contacts", file, "--plan", ExampleData.CustomerPlan, "--skip-bad");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("imported 2 contacts into customer-experience (2 added, 0 updated, 0 unchanged, 1 skipped)", run.Out.Trim());
        Assert.Equal($"{file}:3:channel: 'pigeon' is not a channel; use one of: phone, email, chat, face_to_face, social, other", run.ErrorLines[0]);
        await using var db = database.CreateContext();
        Assert.Equal(["C-1", "C-3"], await db.Contacts.OrderBy(c => c.ContactKey).Select(c => c.ContactKey).ToListAsync());
    }

    [Fact]
    public async Task ImportContacts_ColumnNotNamedLikeASegment_ExitsTwoOnRowOne()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleData.ApplyPlansAsync(database);
        using var folder = new TempFolder();
        var file = folder.Write("contacts.csv", "contact_id,Customer Tier\nC-1,gold\n");

        var run = await CliRun.RunAsync(database, "import", "contacts", file, "--plan", ExampleData.CustomerPlan);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"{file}:1:Customer Tier: 'Customer Tier' cannot be a segment attribute", run.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportContacts_StaffPlan_ExitsTwoSayingItAsksNoCustomers()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleData.ApplyPlansAsync(database);
        using var folder = new TempFolder();

        var run = await CliRun.RunAsync(database, "import", "contacts", folder.Write("contacts.csv", Good), "--plan", ExampleData.StaffPlan);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("Plan 'staff-pulse' does not ask customers", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportContacts_FileWithoutThePlansStratifyingColumn_WarnsOnRowOne()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleData.ApplyPlansAsync(database);
        using var folder = new TempFolder();
        var file = folder.Write("contacts.csv", "contact_id,email,tier\nC-1,ok@example.com,gold\n");

        var run = await CliRun.RunAsync(database, "import", "contacts", file, "--plan", ExampleData.CustomerPlan);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(
            [$"{file}:1: warning: plan 'customer-experience' samples by 'region', which this file has no column for; contacts without it are drawn as one group, '(none)'."],
            run.ErrorLines);
    }

    [Fact]
    public async Task ImportContacts_ExampleFile_ImportsEveryCustomerOfTheExamplePlan()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleData.ApplyPlansAsync(database);

        var run = await CliRun.RunAsync(database, "import", "contacts", Path.Combine(ExampleData.Folder, ExampleData.CustomerPlan, "contacts.csv"), "--plan", ExampleData.CustomerPlan);
        var list = await CliRun.RunAsync(database, "contacts", "list", "--plan", ExampleData.CustomerPlan);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("imported 24 contacts into customer-experience (24 added, 0 updated, 0 unchanged, 0 skipped)", run.Out.Trim());
        Assert.StartsWith("customer-experience: 24 contacts (23 with an e-mail address, 1 without, 0 unsubscribed)", list.Out, StringComparison.Ordinal);
    }

    private static async Task<List<StoredContact>> StoredAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.Contacts.AsNoTracking().OrderBy(c => c.ContactKey)
            .Select(c => new StoredContact(c.ContactKey, c.EmailProtected, c.EmailHash, c.Segments, c.InteractionId, c.Agent, c.InteractionChannel, c.LastContactAt, c.UpdatedAt))
            .ToListAsync();
    }

    private sealed record StoredContact(
        string Key, string? EmailProtected, string? EmailHash, string? Segments, string? InteractionId, string? Agent, string? Channel, DateTime? LastContactAt, DateTime UpdatedAt);
}
