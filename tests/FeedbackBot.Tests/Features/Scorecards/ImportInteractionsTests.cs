using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.Scorecards;

/// <summary><c>import interactions</c>: a helpdesk's or phone system's log stored, imported again and corrected, as QA keeps it up to date.</summary>
public sealed class ImportInteractionsTests
{
    private const string Log = """
        interaction_id,agent,channel,started_at,duration_seconds,queue
        CALL-1001,ben.lima@example.com,phone,2026-12-01T09:15:00Z,312,billing
        CHAT-2001,Sofia.Papadopoulos@example.com,Chat,2026-12-01T10:30:00+01:00,,
        MAIL-3001,ops-desk,email,2026-12-01T11:00:00.250Z,95.5,returns
        """;

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportInteractions_NewLog_StoresEveryInteractionInUtc(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();

        var run = await CliRun.RunAsync(database, "import", "interactions", folder.Write("interactions.csv", Log));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("imported 3 interactions into local (3 added, 0 updated, 0 unchanged, 0 skipped)", run.Out.Trim());
        Assert.Empty(run.Error);
        Assert.Equal(
            [
                "CALL-1001|ben.lima@example.com||phone|2026-12-01T09:15:00Z|312|billing",
                "CHAT-2001|Sofia.Papadopoulos@example.com||chat|2026-12-01T09:30:00Z||",
                "MAIL-3001|ops-desk||email|2026-12-01T11:00:00.25Z|95.5|returns",
            ],
            await Interactions.ReadAsync(database));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportInteractions_SameFileTwice_ChangesNothingTheSecondTime(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();
        var file = folder.Write("interactions.csv", Log);
        Assert.Equal(0, (await CliRun.RunAsync(database, "import", "interactions", file)).ExitCode);
        var before = await Interactions.ReadAsync(database);

        var again = await CliRun.RunAsync(database, "import", "interactions", file);

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Equal("imported 3 interactions into local (0 added, 0 updated, 3 unchanged, 0 skipped)", again.Out.Trim());
        Assert.Equal(before, await Interactions.ReadAsync(database));
    }

    [Fact]
    public async Task ImportInteractions_ACorrectedRow_UpdatesThatInteractionOnly()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        Assert.Equal(0, (await CliRun.RunAsync(database, "import", "interactions", folder.Write("first.csv", Log))).ExitCode);
        var corrected = folder.Write("corrected.csv", """
            interaction_id,agent,channel,started_at,duration_seconds,queue
            CALL-1001,chloe.martin@example.com,phone,2026-12-01T09:15:00Z,312,billing
            CALL-1002,ben.lima@example.com,phone,2026-12-01T09:40:00Z,120,billing
            """);

        var run = await CliRun.RunAsync(database, "import", "interactions", corrected);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("imported 2 interactions into local (1 added, 1 updated, 0 unchanged, 0 skipped)", run.Out.Trim());
        Assert.Equal(
            [
                "CALL-1001|chloe.martin@example.com||phone|2026-12-01T09:15:00Z|312|billing",
                "CALL-1002|ben.lima@example.com||phone|2026-12-01T09:40:00Z|120|billing",
                "CHAT-2001|Sofia.Papadopoulos@example.com||chat|2026-12-01T09:30:00Z||",
                "MAIL-3001|ops-desk||email|2026-12-01T11:00:00.25Z|95.5|returns",
            ],
            await Interactions.ReadAsync(database));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportInteractions_AgentsOnTheRoster_AreResolvedByEmailOrPlatformId(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();
        var roster = await CliRun.RunAsync(database, "import", "people",
            folder.Write("people.csv", "person,name\nben.lima@example.com,Ben Lima\nU0SOFIA01,Sofia Papadopoulos\n"));
        Assert.True(roster.ExitCode == 0, roster.Error);
        var file = folder.Write("interactions.csv", """
            interaction_id,agent,channel,started_at
            CALL-1001,Ben.Lima@Example.com,phone,2026-12-01T09:15:00Z
            CHAT-2001,U0SOFIA01,chat,2026-12-01T10:30:00Z
            CHAT-2002,u0sofia01,chat,2026-12-01T10:45:00Z
            MAIL-3001,nobody@example.com,email,2026-12-01T11:00:00Z
            MAIL-3002,Ben Lima,email,2026-12-01T11:30:00Z
            """);

        var run = await CliRun.RunAsync(database, "import", "interactions", file);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(
            [
                "CALL-1001|Ben.Lima@Example.com|ben.lima@example.com|phone|2026-12-01T09:15:00Z||",
                "CHAT-2001|U0SOFIA01|U0SOFIA01|chat|2026-12-01T10:30:00Z||",
                "CHAT-2002|u0sofia01||chat|2026-12-01T10:45:00Z||",
                "MAIL-3001|nobody@example.com||email|2026-12-01T11:00:00Z||",
                "MAIL-3002|Ben Lima||email|2026-12-01T11:30:00Z||",
            ],
            await Interactions.ReadAsync(database));
    }

    [Fact]
    public async Task ImportInteractions_AnAgentJoiningTheRosterLater_IsResolvedWhenTheLogIsImportedAgain()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        var file = folder.Write("interactions.csv", Log);
        Assert.Equal(0, (await CliRun.RunAsync(database, "import", "interactions", file)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(database, "import", "people", folder.Write("people.csv", "person\nben.lima@example.com\n"))).ExitCode);

        var again = await CliRun.RunAsync(database, "import", "interactions", file);

        Assert.Equal("imported 3 interactions into local (0 added, 1 updated, 2 unchanged, 0 skipped)", again.Out.Trim());
        Assert.Equal("CALL-1001|ben.lima@example.com|ben.lima@example.com|phone|2026-12-01T09:15:00Z|312|billing", (await Interactions.ReadAsync(database))[0]);
    }

    [Fact]
    public async Task ImportInteractions_UnknownTeamsTenant_ExitsTwoAndStoresNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();

        var run = await CliRun.RunAsync(database, "import", "interactions", folder.Write("interactions.csv", Log), "--tenant", "teams:not-installed");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("No tenant teams:not-installed", run.Error, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.MonitoredInteractions.CountAsync());
    }
}
