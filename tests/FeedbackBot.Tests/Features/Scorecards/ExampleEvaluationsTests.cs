using System.Text.Json.Nodes;
using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.Scorecards;

/// <summary>The example evaluations in examples/data: feedback on both scorecards, and a calibration set of six calls.</summary>
public sealed class ExampleEvaluationsTests
{
    [Fact]
    public async Task ImportEvaluations_ExampleFile_CalibrationSetComparesThreeEvaluatorsAndStaysOutOfTheReport()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var examples = Path.Combine(RepositoryPaths.Root, "examples");
        Assert.Equal(0, (await CliRun.RunAsync(database, "plans", "apply", Path.Combine(examples, "plans", "customer-experience.yaml"))).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(database, "import", "people", Path.Combine(examples, "data", "people.csv"))).ExitCode);

        var import = await CliRun.RunAsync(database, "import", "evaluations", Path.Combine(examples, "data", "customer-experience", "evaluations.csv"), "--plan", "customer-experience");
        var calibration = await CliRun.RunAsync(database, "qa", "calibration", "--plan", "customer-experience", "--scorecard", "phone-call", "--format", "json");
        var report = await CliRun.RunAsync(database, "qa", "report", "--plan", "customer-experience", "--format", "json");

        Assert.True(import.ExitCode == 0, import.Error);
        Assert.Equal("imported 50 evaluations into customer-experience (50 added, 0 updated, 0 unchanged, 0 skipped)", import.Out.Trim());
        var agreement = JsonNode.Parse(calibration.Out)!;
        Assert.Equal(6, agreement["interactions"]!.GetValue<int>());
        Assert.True(agreement["reliable"]!.GetValue<bool>());
        Assert.Equal(3, agreement["evaluators"]!.AsArray().Count);
        Assert.Equal(32, JsonNode.Parse(report.Out)!["evaluations"]!.GetValue<int>());
        await using var db = database.CreateContext();
        Assert.Equal(18, await db.Evaluations.CountAsync(e => e.Calibration));
        Assert.Equal(0, await db.Evaluations.CountAsync(e => e.AgentPersonId == null || e.EvaluatorPersonId == null));
    }
}
