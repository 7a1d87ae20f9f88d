using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.Scorecards;

/// <summary><c>import evaluations</c>: evaluations scored on the plan's scorecard, stored, imported again and corrected.</summary>
public sealed class ImportEvaluationsTests
{
    private const string Header = "evaluation_id,interaction_id,agent,evaluator,scorecard,channel,evaluated_at,interaction_at,greeting,pace,went_well,to_improve";

    private const string File = Header + "\n" + """
        EV-1,CALL-1001,ben.lima@example.com,U0ANNA01,phone-call,phone,2026-12-02T09:00:00Z,2026-12-01T09:15:00Z,yes,5,Warm greeting,Nothing to add
        EV-2,CALL-1002,ben.lima@example.com,U0ANNA01,phone-call,Phone,2026-12-02T10:00:00Z,,no,3,Calm,Give your name
        EV-3,CALL-1003,sofia@example.com,U0ANNA01,phone-call,phone,2026-12-02T11:00:00+01:00,,na,4,Quick,Summarise at the end
        """;

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportEvaluations_NewFile_StoresEachEvaluationScoredOnItsScorecard(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();
        await QaPlans.ApplyAsync(database, folder);
        Assert.Equal(0, (await CliRun.RunAsync(database, "import", "people", folder.Write("people.csv", "person\nben.lima@example.com\nU0ANNA01\n"))).ExitCode);

        var run = await CliRun.RunAsync(database, "import", "evaluations", folder.Write("evaluations.csv", File), "--plan", "p");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("imported 3 evaluations into p (3 added, 0 updated, 0 unchanged, 0 skipped)", run.Out.Trim());
        Assert.Equal(
            [
                "EV-1|CALL-1001|ben.lima@example.com|ben.lima@example.com|U0ANNA01|U0ANNA01|phone-call|phone|2026-12-02T09:00:00Z|100||passed|greeting=yes pace=5|Warm greeting|Nothing to add",
                "EV-2|CALL-1002|ben.lima@example.com|ben.lima@example.com|U0ANNA01|U0ANNA01|phone-call|phone|2026-12-02T10:00:00Z|25||failed|greeting=no pace=3|Calm|Give your name",
                "EV-3|CALL-1003|sofia@example.com||U0ANNA01|U0ANNA01|phone-call|phone|2026-12-02T10:00:00Z|75||failed|greeting=na pace=4|Quick|Summarise at the end",
            ],
            await Evaluations.ReadAsync(database));
        await using var db = database.CreateContext();
        var current = await db.PlanVersions.Where(v => v.Plan!.Key == "p").Select(v => v.Id).SingleAsync();
        Assert.All(await db.Evaluations.ToListAsync(), e => Assert.Equal(current, e.PlanVersionId));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportEvaluations_SameFileTwice_ChangesNothingTheSecondTime(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();
        await QaPlans.ApplyAsync(database, folder);
        var file = folder.Write("evaluations.csv", File);
        Assert.Equal(0, (await CliRun.RunAsync(database, "import", "evaluations", file, "--plan", "p")).ExitCode);
        var before = await Evaluations.ReadAsync(database);

        var again = await CliRun.RunAsync(database, "import", "evaluations", file, "--plan", "p");

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Equal("imported 3 evaluations into p (0 added, 0 updated, 3 unchanged, 0 skipped)", again.Out.Trim());
        Assert.Equal(before, await Evaluations.ReadAsync(database));
    }

    [Fact]
    public async Task ImportEvaluations_ACorrectedRow_RescoresThatEvaluationOnly()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        await QaPlans.ApplyAsync(database, folder);
        Assert.Equal(0, (await CliRun.RunAsync(database, "import", "evaluations", folder.Write("first.csv", File), "--plan", "p")).ExitCode);
        var corrected = folder.Write("corrected.csv", Header + "\n" +
            "EV-2,CALL-1002,ben.lima@example.com,U0ANNA01,phone-call,phone,2026-12-02T10:00:00Z,,yes,3,Calm,Give your name\n" +
            "EV-3,CALL-1003,sofia@example.com,U0ANNA01,phone-call,phone,2026-12-02T11:00:00+01:00,,na,4,Quick,Summarise at the end\n");

        var run = await CliRun.RunAsync(database, "import", "evaluations", corrected, "--plan", "p");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("imported 2 evaluations into p (0 added, 1 updated, 1 unchanged, 0 skipped)", run.Out.Trim());
        Assert.Equal(
            "EV-2|CALL-1002|ben.lima@example.com||U0ANNA01||phone-call|phone|2026-12-02T10:00:00Z|75||failed|greeting=yes pace=3|Calm|Give your name",
            (await Evaluations.ReadAsync(database))[1]);
    }
}
