using System.Text.Json.Nodes;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.Actions;

/// <summary>
/// After an action improves its KPI, each later cycle must keep the KPI at its target: the plan's
/// <c>sustain_cycles</c> in a row make it sustained, and a miss makes it regressed and tells its owner.
/// </summary>
public sealed class SustainedActionTests
{
    // Week starts and the share of customers satisfied (4 or 5) that week, 100 answers each.
    private static readonly (string Start, int Satisfied)[] Weeks =
    [
        ("2026-09-07", 50), ("2026-09-14", 92), ("2026-09-21", 90), ("2026-09-28", 91), ("2026-10-05", 55),
    ];

    [Fact]
    public async Task LaterReviews_ImprovedThenHeldForSustainCycles_Sustained_ThenAMiss_RegressedAndTheOwnerIsTold()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        Assert.Equal(0, (await CliRun.RunAsync(database, "plans", "apply", folder.Write("csat-weekly.yaml", CsatWeekly.Plan + "\nsustain_cycles: 2"))).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(database, "import", "people", folder.Write("people.csv", "person,name,team,role\nlee@example.com,Lee,service,manager\n"))).ExitCode);
        foreach (var (start, satisfied) in Weeks)
        {
            var run = await CliRun.RunAsync(database, "import", "responses", folder.Write($"w{start}.csv", CsatWeekly.Responses(start, satisfied)), "--plan", "csat-weekly", "--cycle", CsatWeekly.Cycle(start));
            Assert.True(run.ExitCode == 0, run.Error);
        }

        var first = await ReviewAsync(database, Weeks[0].Start);
        var advice = first["recommendations"]!.AsArray().First(r => (string?)r!["evidence"]!["metric"] == "csat")!;
        Assert.Equal(0, (await CliRun.RunAsync(database, "actions", "adopt", "--review", (string)first["_id"]!, "--recommendation", (string)advice["id"]!,
            "--owner", "lee@example.com", "--due", "2099-01-01")).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(database, "actions", "update", "1", "--implemented-on", Weeks[1].Start)).ExitCode);

        var statuses = new List<string>();
        foreach (var (start, _) in Weeks.Skip(1))
        {
            var review = await ReviewAsync(database, start);
            statuses.Add((string)review["actions"]![0]!["status"]!);
        }

        // Week 2 improves (50% → 92%); weeks 3 and 4 meet 80%, so with sustain_cycles 2 it is sustained; week 5 misses.
        Assert.Equal(["improved", "improved", "sustained", "regressed"], statuses);
        await using var db = database.CreateContext();
        var notice = await db.Outbox.SingleAsync(m => m.Kind == OutboxKind.ActionNotice);
        Assert.NotNull(notice.PersonId);
        Assert.Contains("Action 1 regressed", notice.Body, StringComparison.Ordinal);

        // Reviewing the last week again counts it once and tells nobody twice.
        await ReviewAsync(database, Weeks[^1].Start);
        Assert.Equal(1, await db.Outbox.CountAsync(m => m.Kind == OutboxKind.ActionNotice));
        var action = await db.ImprovementActions.SingleAsync();
        Assert.Equal((ImprovementActionStatus.Regressed, 0), (action.Status, action.CyclesHeld));
    }

    private static async Task<JsonNode> ReviewAsync(TestDatabase database, string start)
    {
        var run = await CliRun.RunAsync(database, "review", "--plan", "csat-weekly", "--cycle", CsatWeekly.Cycle(start), "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        var review = JsonNode.Parse(run.Out)!;
        review["_id"] = new Uri(run.Error.Split(' ', '\n').Single(w => w.StartsWith("http", StringComparison.Ordinal)).Trim()).Segments[^1];
        return review;
    }
}
