using FeedbackBot.Core.People;
using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.People;

/// <summary>The example roster in examples/data: the 56 staff of the example staff pulse, in its three teams.</summary>
public sealed class ExampleRosterTests
{
    private static string File => Path.Combine(RepositoryPaths.Root, "examples", "data", "people.csv");

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportPeople_ExampleRoster_StoresTheFiftySixStaffOfTheStaffPulseTeams(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var run = await CliRun.RunAsync(database, "import", "people", File);
        var again = await CliRun.RunAsync(database, "import", "people", File);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("imported 56 people into local (56 added, 0 updated, 0 unchanged, 0 left, 0 skipped for errors)", run.Out.Trim());
        Assert.Equal("imported 56 people into local (0 added, 0 updated, 56 unchanged, 0 left, 0 skipped for errors)", again.Out.Trim());
        await using var db = database.CreateContext();
        var teams = await db.PersonSegments.Where(s => s.Name == SegmentNames.Team).GroupBy(s => s.Value).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Assert.Equal([("chat", 14), ("email", 17), ("phones", 25)], teams.Select(t => (t.Key, t.Count)).OrderBy(t => t.Key, StringComparer.Ordinal));
        Assert.Equal(3, await db.People.CountAsync(p => p.Role == PersonRole.Manager));
    }
}
