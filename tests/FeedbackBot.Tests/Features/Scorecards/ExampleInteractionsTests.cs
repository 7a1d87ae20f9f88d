using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.Scorecards;

/// <summary>The example interaction log in examples/data: handled by the example roster's staff, bar one temporary agent.</summary>
public sealed class ExampleInteractionsTests
{
    [Fact]
    public async Task ImportInteractions_ExampleLogAfterTheExampleRoster_ResolvesEveryRosterAgent()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var data = Path.Combine(RepositoryPaths.Root, "examples", "data");
        Assert.Equal(0, (await CliRun.RunAsync(database, "import", "people", Path.Combine(data, "people.csv"))).ExitCode);

        var run = await CliRun.RunAsync(database, "import", "interactions", Path.Combine(data, "interactions.csv"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("imported 16 interactions into local (16 added, 0 updated, 0 unchanged, 0 skipped)", run.Out.Trim());
        await using var db = database.CreateContext();
        Assert.Equal(["temp.agent.01"], await db.MonitoredInteractions.Where(i => i.AgentPersonId == null).Select(i => i.Agent).ToListAsync());
    }
}
