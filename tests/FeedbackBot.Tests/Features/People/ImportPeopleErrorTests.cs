using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.People;

/// <summary><c>import people</c> given what goes wrong with real rosters: every problem named by row and column, nothing stored.</summary>
public sealed class ImportPeopleErrorTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportPeople_RowsWithErrors_ExitTwoNamingRowAndColumnAndStoreNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();
        var file = folder.Write("people.csv", """
            person,name,team,role,region
            ana.lima@contoso.example,Ana Lima,phones,manager,north
            ben.okafor@contoso,Ben Okafor,phones,,north
            chloe@contoso.example,Chloe Martin,email,supervisor,south
            ,Nobody,chat,,south
            Dev Patel,Dev Patel,chat,,south
            eve@contoso.example,Eve,chat,admin,south
            ANA.LIMA@contoso.example,Ana again,phones,,north
            """);

        var run = await CliRun.RunAsync(database, "import", "people", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Equal(
            [
                $"{file}:3:person: 'ben.okafor@contoso' is not an e-mail address: expected an e-mail address such as ana.lima@example.com (no spaces, one @, a domain with a dot)",
                $"{file}:4:role: 'supervisor' is not a role; use staff or manager, or leave it empty",
                $"{file}:5:person: person is empty; every row needs the person's work e-mail address or their Teams or Slack user id",
                $"{file}:6:person: 'Dev Patel' is neither an e-mail address nor a user id: a Teams id looks like 29:1a2b3c..., a Slack id like U0123ABCD, with no spaces",
                $"{file}:7:role: 'admin' is not a role a roster gives: use staff or manager (the admin is whoever installed the bot)",
                $"{file}:8:person: 'ANA.LIMA@contoso.example' is listed twice: first on row 2; give each person one row",
                $"Nothing was stored: 6 error(s) in 6 row(s) of {file}. Fix them and import the file again, or store only the good rows with --skip-bad.",
            ],
            run.ErrorLines);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.People.CountAsync());
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportPeople_SkipBad_StoresTheGoodRowsAndNobodyOnABadRowLeaves(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();
        Assert.Equal(0, (await CliRun.RunAsync(database, "import", "people", folder.Write("first.csv", "person,team\nana@contoso.example,phones\nben@contoso.example,phones\n"))).ExitCode);
        var file = folder.Write("people.csv", """
            person,team,role
            ana@contoso.example,email,
            ben@contoso.example,email,boss
            chloe@contoso.example,chat,staff
            chloe@contoso,chat,staff
            """);

        var run = await CliRun.RunAsync(database, "import", "people", file, "--skip-bad");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("imported 2 people into local (1 added, 1 updated, 0 unchanged, 0 left, 2 skipped for errors)", run.Out.Trim());
        Assert.Equal([$"{file}:3:role", $"{file}:5:person"], run.ErrorLines.Select(l => string.Join(':', l.Split(':')[..3])));
        Assert.Equal(
            [
                "ana@contoso.example/|ana@contoso.example|Staff|csv|here|team=email",
                "ben@contoso.example/|ben@contoso.example|Staff|csv|here|team=phones",
                "chloe@contoso.example/|chloe@contoso.example|Staff|csv|here|team=chat",
            ],
            await Roster.ReadAsync(database));
    }

    [Theory]
    [InlineData("name,team\nAna,phones\n", "people.csv:1:person: required column 'person' is missing")]
    [InlineData("person,team,Team\nana@contoso.example,phones,email\n", "people.csv:1:Team: column 'Team' appears twice (columns 2 and 3)")]
    [InlineData("person,Shift Pattern\nana@contoso.example,early\n",
        "people.csv:1:Shift Pattern: column 'Shift Pattern' is not a segment name (lower-case letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters); call it shift_pattern")]
    [InlineData("", "people.csv:1: the file has no header; its first line must name the columns, starting with person")]
    public async Task ImportPeople_BadHeader_ExitsTwoOnRowOneAndStoresNothing(string content, string expected)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        var file = folder.Write("people.csv", content);

        var run = await CliRun.RunAsync(database, "import", "people", file, "--skip-bad");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(Path.Combine(folder.Path, expected), run.ErrorLines[0]);
        Assert.Equal($"Nothing was stored: the columns of {file} are not right.", run.ErrorLines[^1]);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.People.CountAsync());
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportPeople_QuotingProblems_NameTheRowAndColumnAndStoreNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();
        var file = folder.Write("people.csv",
            "person,name,team\n" +
            "ana@contoso.example,\"Lima, Ana\",phones\n" +
            "ben@contoso.example,Ben \"The Boss\" Okafor,phones\n" +
            "chloe@contoso.example,\"Chloe\" Martin,email\n");

        var run = await CliRun.RunAsync(database, "import", "people", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            [
                $"{file}:3:name: a double quote inside a value that does not start with one; quote the whole value and double the quotes inside it (\"say \"\"hi\"\"\")",
                $"{file}:4:name: text after the closing double quote of a quoted value; double the quotes inside a quoted value (\"say \"\"hi\"\"\")",
                $"Nothing was stored: 2 error(s) in 2 row(s) of {file}. Fix them and import the file again, or store only the good rows with --skip-bad.",
            ],
            run.ErrorLines);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.People.CountAsync());
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportPeople_TenantTheBotDoesNotKnow_ExitsTwoAndStoresNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();

        var run = await CliRun.RunAsync(database, "import", "people", folder.Write("people.csv", "person\nana@contoso.example\n"), "--tenant", "slack:T0NOWHERE");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("No tenant slack:T0NOWHERE: the bot has not been installed there", run.Error, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.People.CountAsync());
        Assert.Equal(0, await db.Tenants.CountAsync());
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportPeople_SamePersonByEmailAndByUserId_ExitsTwoAndStoresNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();
        Assert.Equal(0, (await CliRun.RunAsync(database, "import", "people", folder.Write("first.csv", "person,team\nana@contoso.example,phones\n"))).ExitCode);
        await using (var db = database.CreateContext())
        {
            await db.People.ExecuteUpdateAsync(set => set.SetProperty(p => p.ChannelUserId, "29:1ana"));
        }

        var file = folder.Write("people.csv", "person,team\nana@contoso.example,email\n29:1ana,chat\n");
        var run = await CliRun.RunAsync(database, "import", "people", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            [
                $"{file}:3:person: '29:1ana' is the same person as row 2 names (one by e-mail address, one by user id); give each person one row",
                $"Nothing was stored: {file} names one person twice.",
            ],
            run.ErrorLines);
        Assert.Equal(["ana@contoso.example/29:1ana|ana@contoso.example|Staff|csv|here|team=phones"], await Roster.ReadAsync(database));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportPeople_FileListingNobody_IsRefusedRatherThanMarkingEveryoneLeft(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();
        Assert.Equal(0, (await CliRun.RunAsync(database, "import", "people", folder.Write("first.csv", "person,team\nana@contoso.example,phones\nben@contoso.example,email\n"))).ExitCode);
        var file = folder.Write("empty.csv", "person,team\n");

        var run = await CliRun.RunAsync(database, "import", "people", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"{file} lists nobody, so importing it would mark all 2 people of the last roster as left. Nothing was stored; import a roster with everyone who is still there.",
            run.Error.Trim());
        Assert.All(await Roster.ReadAsync(database), line => Assert.Contains("|here|", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ImportPeople_NoSuchFile_ExitsTwoBeforeTouchingTheDatabase()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var run = await CliRun.RunAsync(database, "import", "people", "no-such-roster.csv");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("no-such-roster.csv: no such file.", run.Error.Trim());
    }
}
