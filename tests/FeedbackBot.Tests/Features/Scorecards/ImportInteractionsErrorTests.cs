using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.Scorecards;

/// <summary><c>import interactions</c> given what goes wrong with real logs: every problem named by row and column.</summary>
public sealed class ImportInteractionsErrorTests
{
    private const string WithErrors = """
        interaction_id,agent,channel,started_at,duration_seconds,queue
        CALL-1001,ben.lima@example.com,phone,2026-12-01T09:15:00Z,312,billing
        ,ben.lima@example.com,phone,2026-12-01T09:20:00Z,,
        CALL-1003,,phnoe,2026-12-01T09:25:00Z,,
        CALL-1004,chloe.martin@example.com,fax,yesterday,-5,
        CALL-1005,chloe.martin@example.com,Face to face,,abc,
        CHAT-2001,tomas.horvat@example.com,chat,2026-12-01 10:00,60,chat-en
        """;

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportInteractions_RowsWithErrors_ExitTwoNamingRowAndColumnAndStoreNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();
        var file = folder.Write("interactions.csv", WithErrors);

        var run = await CliRun.RunAsync(database, "import", "interactions", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Equal(
            [
                $"{file}:3:interaction_id: interaction_id is empty; every interaction needs its id in the helpdesk or phone system",
                $"{file}:4:agent: agent is empty; every interaction needs the agent who handled it, as your system names them (an e-mail address, a Teams or Slack id, a login)",
                $"{file}:4:channel: 'phnoe' is not a channel; did you mean 'phone'? use one of: phone, email, chat, face_to_face, social, other",
                $"{file}:5:channel: 'fax' is not a channel; use one of: phone, email, chat, face_to_face, social, other",
                $"{file}:5:started_at: 'yesterday' is not an ISO 8601 date and time, such as 2026-10-05T14:30:00Z or 2026-10-05T15:30:00+01:00 (no offset means UTC)",
                $"{file}:5:duration_seconds: '-5' is not a number of seconds: expected a number, not negative, such as 312 or 95.5",
                $"{file}:6:started_at: started_at is empty; every interaction needs when it started",
                $"{file}:6:duration_seconds: 'abc' is not a number of seconds: expected a number, not negative, such as 312 or 95.5",
                $"Nothing was stored: 8 error(s) in 4 row(s) of {file}. Fix them and import the file again, or store only the good rows with --skip-bad.",
            ],
            run.ErrorLines);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.MonitoredInteractions.CountAsync());
    }

    [Fact]
    public async Task ImportInteractions_SkipBad_StoresTheGoodRowsAndCountsTheOthers()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        var file = folder.Write("interactions.csv", WithErrors);

        var run = await CliRun.RunAsync(database, "import", "interactions", file, "--skip-bad");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("imported 2 interactions into local (2 added, 0 updated, 0 unchanged, 4 skipped)", run.Out.Trim());
        Assert.Equal(
            [$"{file}:3:interaction_id", $"{file}:4:agent", $"{file}:4:channel", $"{file}:5:channel", $"{file}:5:started_at", $"{file}:5:duration_seconds", $"{file}:6:started_at", $"{file}:6:duration_seconds"],
            run.ErrorLines.Select(l => string.Join(':', l.Split(':')[..3])));
        Assert.Equal(
            [
                "CALL-1001|ben.lima@example.com||phone|2026-12-01T09:15:00Z|312|billing",
                "CHAT-2001|tomas.horvat@example.com||chat|2026-12-01T10:00:00Z|60|chat-en",
            ],
            await Interactions.ReadAsync(database));
    }

    [Theory]
    [InlineData("interaction_id,agnet,channel,started_at\nCALL-1,ben@example.com,phone,2026-12-01\n",
        "interactions.csv:1:agnet: column 'agnet' is not a column of an interactions file; did you mean 'agent'? The columns are interaction_id, agent, channel, started_at, duration_seconds, queue")]
    [InlineData("interaction_id,agent,channel,started_at,customer\nCALL-1,ben@example.com,phone,2026-12-01,c-1\n",
        "interactions.csv:1:customer: column 'customer' is not a column of an interactions file; the columns are interaction_id, agent, channel, started_at, duration_seconds, queue")]
    [InlineData("interaction_id,agent,started_at\nCALL-1,ben@example.com,2026-12-01\n", "interactions.csv:1:channel: required column 'channel' is missing")]
    [InlineData("", "interactions.csv:1: the file has no header; its first line must name the columns, starting with interaction_id,agent,channel,started_at")]
    public async Task ImportInteractions_BadHeader_ExitsTwoOnRowOneAndStoresNothing(string content, string expected)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        var file = folder.Write("interactions.csv", content);

        var run = await CliRun.RunAsync(database, "import", "interactions", file, "--skip-bad");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(Path.Combine(folder.Path, expected), run.ErrorLines[0]);
        Assert.Equal($"Nothing was stored: the columns of {file} are not right.", run.ErrorLines[^1]);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.MonitoredInteractions.CountAsync());
    }
}
