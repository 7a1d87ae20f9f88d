using FeedbackBot.Core.People;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.People;

/// <summary><c>import people</c>: a roster stored, imported again, and changed, as an operator keeps it up to date.</summary>
public sealed class ImportPeopleTests
{
    private const string Roster1 = """
        person,name,team,role,region,shift
        Ana.Lima@Contoso.example,Ana Lima,phones,manager,north,early
        ben.okafor@contoso.example,Ben Okafor,phones,,north,late
        29:1chloe,Chloe Martin,email,staff,south,
        dev.patel@contoso.example,,chat,,south,early
        """;

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportPeople_NewRoster_AddsEveryoneWithTheirTeamSegmentsAndRole(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();

        var run = await CliRun.RunAsync(database, "import", "people", folder.Write("people.csv", Roster1));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("imported 4 people into local (4 added, 0 updated, 0 unchanged, 0 left, 0 skipped for errors)", run.Out.Trim());
        Assert.Empty(run.Error);
        Assert.Equal(
            [
                "/29:1chloe|Chloe Martin|Staff|csv|here|region=south;team=email",
                "ana.lima@contoso.example/|Ana Lima|Manager|csv|here|region=north;shift=early;team=phones",
                "ben.okafor@contoso.example/|Ben Okafor|Staff|csv|here|region=north;shift=late;team=phones",
                "dev.patel@contoso.example/|dev.patel@contoso.example|Staff|csv|here|region=south;shift=early;team=chat",
            ],
            await Roster.ReadAsync(database));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportPeople_SameFileTwice_ChangesNothingTheSecondTime(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();
        var file = folder.Write("people.csv", Roster1);
        Assert.Equal(0, (await CliRun.RunAsync(database, "import", "people", file)).ExitCode);
        var before = await Roster.ReadAsync(database);

        var again = await CliRun.RunAsync(database, "import", "people", file);

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Equal("imported 4 people into local (0 added, 0 updated, 4 unchanged, 0 left, 0 skipped for errors)", again.Out.Trim());
        Assert.Equal(before, await Roster.ReadAsync(database));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportPeople_LaterRosterWithoutSomeone_MarksThemLeftAndKeepsThem(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();
        Assert.Equal(0, (await CliRun.RunAsync(database, "import", "people", folder.Write("people.csv", Roster1))).ExitCode);
        var later = folder.Write("later.csv", """
            person,name,team,role,region,shift
            ana.lima@contoso.example,Ana Lima,phones,manager,north,early
            ben.okafor@contoso.example,Ben Okafor,email,,north,late
            dev.patel@contoso.example,,chat,,south,early
            """);

        var run = await CliRun.RunAsync(database, "import", "people", later);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("imported 3 people into local (0 added, 1 updated, 2 unchanged, 1 left, 0 skipped for errors)", run.Out.Trim());
        var roster = await Roster.ReadAsync(database);
        Assert.Contains("/29:1chloe|Chloe Martin|Staff|csv|left|region=south;team=email", roster);
        Assert.Contains("ben.okafor@contoso.example/|Ben Okafor|Staff|csv|here|region=north;shift=late;team=email", roster);

        // Listed again, Chloe is back: her left date is cleared.
        var back = await CliRun.RunAsync(database, "import", "people", folder.Write("people.csv", Roster1));
        Assert.Equal("imported 4 people into local (0 added, 2 updated, 2 unchanged, 0 left, 0 skipped for errors)", back.Out.Trim());
        Assert.Contains("/29:1chloe|Chloe Martin|Staff|csv|here|region=south;team=email", await Roster.ReadAsync(database));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportPeople_EmptyCellAndDroppedColumn_RemoveWhatTheRosterSetAndKeepWhatAPlatformSet(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();
        Assert.Equal(0, (await CliRun.RunAsync(database, "import", "people", folder.Write("people.csv", Roster1))).ExitCode);
        await using (var db = database.CreateContext())
        {
            var ana = await db.People.SingleAsync(p => p.Email == "ana.lima@contoso.example");
            db.PersonSegments.Add(new PersonSegment { PersonId = ana.Id, Name = "title", Value = "Team lead", Source = RosterSource.Slack });
            await db.SaveChangesAsync();
        }

        var run = await CliRun.RunAsync(database, "import", "people", folder.Write("later.csv", """
            person,team,region
            ana.lima@contoso.example,phones,
            ben.okafor@contoso.example,phones,north
            29:1chloe,email,south
            dev.patel@contoso.example,chat,south
            """));

        Assert.True(run.ExitCode == 0, run.Error);
        var roster = await Roster.ReadAsync(database);
        Assert.Contains("ana.lima@contoso.example/|Ana Lima|Manager|csv|here|team=phones;title=Team lead", roster);
        Assert.Contains("ben.okafor@contoso.example/|Ben Okafor|Staff|csv|here|region=north;team=phones", roster);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportPeople_PersonChatKnowsByPlatformId_GetsTheRostersTeamAndRole(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = await database.CreateMigratedContextAsync())
        {
            var tenant = new Tenant { Id = Guid.NewGuid(), Channel = TenantChannel.Local, ExternalId = "local", Name = "Local", CreatedAt = DateTime.UtcNow };
            db.Tenants.Add(tenant);
            db.People.Add(new Person { Id = Guid.NewGuid(), TenantId = tenant.Id, ChannelUserId = "29:1chloe", DisplayName = "Chloe M.", Role = PersonRole.Staff, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        using var folder = new TempFolder();
        var run = await CliRun.RunAsync(database, "import", "people", folder.Write("people.csv", "person,team,role\n29:1chloe,email,manager\n"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("imported 1 people into local (0 added, 1 updated, 0 unchanged, 0 left, 0 skipped for errors)", run.Out.Trim());
        Assert.Equal(["/29:1chloe|Chloe M.|Manager|csv|here|team=email"], await Roster.ReadAsync(database));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportPeople_RowMakingTheAdminStaff_KeepsTheAdminAndSaysSo(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = await database.CreateMigratedContextAsync())
        {
            var tenant = new Tenant { Id = Guid.NewGuid(), Channel = TenantChannel.Local, ExternalId = "local", Name = "Local", CreatedAt = DateTime.UtcNow };
            db.Tenants.Add(tenant);
            db.People.Add(new Person { Id = Guid.NewGuid(), TenantId = tenant.Id, ChannelUserId = "29:1ana", DisplayName = "Ana", Role = PersonRole.Admin, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        using var folder = new TempFolder();
        var run = await CliRun.RunAsync(database, "import", "people", folder.Write("people.csv", "person,team,role\n29:1ana,phones,staff\n29:1ben,phones,staff\n"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(
            "imported 2 people into local (1 added, 1 updated, 0 unchanged, 0 left, 0 skipped for errors); " +
            "1 admin(s) kept the admin role the file would have changed: a roster never demotes an admin",
            run.Out.Trim());
        Assert.Contains("/29:1ana|Ana|Admin|csv|here|team=phones", await Roster.ReadAsync(database));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportPeople_IntoATeamsTenant_StoresThePeopleThere(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = await database.CreateMigratedContextAsync())
        {
            db.Tenants.Add(new Tenant { Id = Guid.NewGuid(), Channel = TenantChannel.Teams, ExternalId = "6a1b2c3d-0000-4000-8000-00000000c1c1", Name = "Contoso", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        using var folder = new TempFolder();
        var run = await CliRun.RunAsync(database, "import", "people", folder.Write("people.csv", "person,team\nana@contoso.example,phones\n"),
            "--tenant", "teams:6a1b2c3d-0000-4000-8000-00000000c1c1");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("imported 1 people into teams:6a1b2c3d-0000-4000-8000-00000000c1c1 (1 added, 0 updated, 0 unchanged, 0 left, 0 skipped for errors)", run.Out.Trim());
        Assert.Equal(["ana@contoso.example/|ana@contoso.example|Staff|csv|here|team=phones"], await Roster.ReadAsync(database, "6a1b2c3d-0000-4000-8000-00000000c1c1"));
    }
}
