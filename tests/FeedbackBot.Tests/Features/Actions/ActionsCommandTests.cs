using System.Globalization;
using System.Text.Json.Nodes;
using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Features.DataImports;
using FeedbackBot.Tests.Features.Reviews;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.Actions;

/// <summary><c>feedbackbot actions adopt|list|show|update</c> on the example review, as a quality team would use them.</summary>
public sealed class ActionsCommandTests
{
    private static readonly string Due = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A database with the example cycles, the roster and a review of the customer plan: what an action is adopted from.</summary>
    internal static async Task<(TestDatabase Database, string Review, JsonNode Document)> ReviewedAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await ExampleReviews.ImportAllAsync(database);
        Assert.Equal(0, (await CliRun.RunAsync(database, "import", "people", Path.Combine(RepositoryPaths.Root, "examples", "data", "people.csv"))).ExitCode);
        var (run, link) = await ExampleReviews.ReviewAsync(database, "--format", "json");
        return (database, link.Segments[^1], JsonNode.Parse(run.Out)!);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Adopt_ARecommendation_KeepsItsKpiBaselineAndTargetFromTheReview_AndAdoptingAgainChangesNothing(DatabaseProvider provider)
    {
        var (database, review, document) = await ReviewedAsync(provider);
        await using var _ = database;
        var recommendation = document["recommendations"]!.AsArray().First(r => document["metrics"]!.AsArray().Any(m => (string?)m!["metric"] == (string?)r!["evidence"]!["metric"]))!;
        var kpi = document["metrics"]!.AsArray().First(m => (string?)m!["metric"] == (string?)recommendation["evidence"]!["metric"]
            && ((string?)recommendation["feature"] is null || (string?)m!["feature"] == (string?)recommendation["feature"]))!;

        var first = await CliRun.RunAsync(database, "actions", "adopt", "--review", review, "--recommendation", (string)recommendation["id"]!,
            "--owner", "amara.okafor@example.com", "--due", Due, "--resources", "Two team leaders for a day", "--cost", "1200.50");
        var again = await CliRun.RunAsync(database, "actions", "adopt", "--review", review, "--recommendation", (string)recommendation["id"]!,
            "--owner", "someone.else@example.com", "--due", Due);
        var shown = JsonNode.Parse((await CliRun.RunAsync(database, "actions", "show", "1", "--format", "json")).Out)!;

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.StartsWith("adopted as action 1: ", first.Out, StringComparison.Ordinal);
        Assert.Equal(0, again.ExitCode);
        Assert.StartsWith("already adopted as action 1", again.Out, StringComparison.Ordinal);
        Assert.Equal((string?)recommendation["key"], (string?)shown["recommendation"]!["key"]);
        Assert.Equal((string?)kpi["id"], (string?)shown["kpi"]);
        Assert.Equal((double?)kpi["value"], (double?)shown["baseline"]!["value"]);
        Assert.Equal((long?)kpi["n"], (long?)shown["baseline"]!["n"]);
        Assert.Equal(kpi["ci95"]!.ToJsonString(), shown["baseline"]!["ci95"]!.ToJsonString());
        Assert.Equal((double?)kpi["target"], (double?)shown["target"]);
        Assert.Equal(("planned", "amara.okafor@example.com", true, 1200.50m), ((string?)shown["status"], (string?)shown["owner"], (bool)shown["owner_known"]!, (decimal)shown["cost"]!));
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.ImprovementActions.CountAsync());
    }

    [Fact]
    public async Task Adopt_HostileArguments_ExitTwoWithTheReasonAndStoreNothing()
    {
        var (database, review, _) = await ReviewedAsync(DatabaseProvider.Sqlite);
        await using var _ = database;
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        (string[] Args, string Error)[] cases =
        [
            (["--review", Guid.NewGuid().ToString(), "--recommendation", "r1", "--owner", "a@example.com", "--due", Due], "There is no review"),
            (["--review", "last", "--recommendation", "r1", "--owner", "a@example.com", "--due", Due], "--review is a review's id"),
            (["--review", review, "--recommendation", "r99", "--owner", "a@example.com", "--due", Due], "its recommendations are r1, "),
            (["--review", review, "--recommendation", "r1", "--owner", "Amara Okafor", "--due", Due], "--owner is the owner's work e-mail address"),
            (["--review", review, "--recommendation", "r1", "--owner", "a@example.com", "--due", yesterday], "is in the past"),
            (["--review", review, "--recommendation", "r1", "--owner", "a@example.com", "--due", "15/01/2027"], "write it as YYYY-MM-DD"),
            (["--review", review, "--recommendation", "r1", "--owner", "a@example.com", "--due", Due, "--cost", "-5"], "cannot be negative"),
            (["--review", review, "--recommendation", "r1", "--owner", "a@example.com", "--due", Due, "--target", "high"], "is not a number"),
        ];

        foreach (var (args, error) in cases)
        {
            var run = await CliRun.RunAsync(database, ["actions", "adopt", .. args]);
            Assert.True(run.ExitCode == 2, $"{string.Join(' ', args)}: {run.ExitCode} {run.Error}");
            Assert.Contains(error, run.Error, StringComparison.Ordinal);
        }

        await using var db = database.CreateContext();
        Assert.Equal(0, await db.ImprovementActions.CountAsync());
    }

    [Fact]
    public async Task Update_ImplementedWithItsDayAndANote_IsLogged_AVerdictByHandIsRefused()
    {
        var (database, review, _) = await ReviewedAsync(DatabaseProvider.Sqlite);
        await using var _ = database;
        Assert.Equal(0, (await CliRun.RunAsync(database, "actions", "adopt", "--review", review, "--recommendation", "r1", "--owner", "U0OWNER1", "--due", Due, "--target", "85")).ExitCode);
        var live = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var started = await CliRun.RunAsync(database, "actions", "update", "1", "--status", "in_progress");
        var implemented = await CliRun.RunAsync(database, "actions", "update", "1", "--implemented-on", live, "--note", "New callback script live in all teams");
        var verdict = await CliRun.RunAsync(database, "actions", "update", "1", "--status", "improved");
        var nothing = await CliRun.RunAsync(database, "actions", "update", "1");
        var unknown = await CliRun.RunAsync(database, "actions", "update", "7", "--note", "x");
        var shown = JsonNode.Parse((await CliRun.RunAsync(database, "actions", "show", "1", "--format", "json")).Out)!;
        var markdown = (await CliRun.RunAsync(database, "actions", "show", "1", "--format", "md")).Out;

        Assert.Equal("action 1: in_progress", started.Out.Trim());
        Assert.Equal($"action 1: implemented, live since {live}; note added", implemented.Out.Trim());
        Assert.Equal(2, verdict.ExitCode);
        Assert.Contains("is a verdict of 'feedbackbot actions check'", verdict.Error, StringComparison.Ordinal);
        Assert.Equal(2, nothing.ExitCode);
        Assert.Contains("There is no action 7", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(("implemented", live, 85.0, false), ((string?)shown["status"], (string?)shown["implemented_on"], (double)shown["target"]!, (bool)shown["owner_known"]!));
        Assert.Equal(
            ["status", "status", "status", "note"],
            shown["notes"]!.AsArray().Select(n => (string)n!["kind"]!));
        Assert.Contains("New callback script live in all teams", markdown, StringComparison.Ordinal);
        Assert.StartsWith("# Action 1: ", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_Due_MovesItLogsItAndRearmsTheReminders_APastDateIsRefused()
    {
        var (database, review, _) = await ReviewedAsync(DatabaseProvider.Sqlite);
        await using var _ = database;
        Assert.Equal(0, (await CliRun.RunAsync(database, "actions", "adopt", "--review", review, "--recommendation", "r1", "--owner", "U0OWNER1", "--due", Due)).ExitCode);
        var later = DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var moved = await CliRun.RunAsync(database, "actions", "update", "1", "--due", later);
        var past = await CliRun.RunAsync(database, "actions", "update", "1", "--due", "2020-01-01");
        var shown = JsonNode.Parse((await CliRun.RunAsync(database, "actions", "show", "1", "--format", "json")).Out)!;

        Assert.Equal($"action 1: planned, due {later}", moved.Out.Trim());
        Assert.Equal(2, past.ExitCode);
        Assert.Contains("--due 2020-01-01 is in the past", past.Error, StringComparison.Ordinal);
        Assert.Equal(later, (string?)shown["due"]);
        Assert.Equal($"due moved from {Due} to {later}", (string?)shown["notes"]!.AsArray()[^1]!["text"]);
    }

    [Fact]
    public async Task List_FiltersByPlanAndStatus_AndSaysHowToStartWhenThereAreNone()
    {
        var (database, review, _) = await ReviewedAsync(DatabaseProvider.Sqlite);
        await using var _ = database;
        var empty = await CliRun.RunAsync(database, "actions", "list");
        Assert.Equal(0, (await CliRun.RunAsync(database, "actions", "adopt", "--review", review, "--recommendation", "r1", "--owner", "a@example.com", "--due", Due)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(database, "actions", "adopt", "--review", review, "--recommendation", "r2", "--owner", "b@example.com", "--due", Due)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(database, "actions", "update", "2", "--status", "abandoned", "--note", "Budget went elsewhere")).ExitCode);

        var all = JsonNode.Parse((await CliRun.RunAsync(database, "actions", "list", "--format", "json")).Out)!.AsArray();
        var planned = JsonNode.Parse((await CliRun.RunAsync(database, "actions", "list", "--status", "planned", "--plan", ExampleData.CustomerPlan, "--format", "json")).Out)!.AsArray();
        var otherPlan = JsonNode.Parse((await CliRun.RunAsync(database, "actions", "list", "--plan", ExampleData.StaffPlan, "--format", "json")).Out)!.AsArray();
        var badStatus = await CliRun.RunAsync(database, "actions", "list", "--status", "done");

        Assert.StartsWith("No actions.", empty.Out, StringComparison.Ordinal);
        Assert.Equal([2, 1], all.Select(a => (int)a!["id"]!));
        Assert.Equal([1], planned.Select(a => (int)a!["id"]!));
        Assert.Empty(otherPlan);
        Assert.Equal(2, badStatus.ExitCode);
    }

    [Fact]
    public async Task Export_TheImprovementLog_AsCsvQuotedAndSafeForSpreadsheets_AndAsMarkdown()
    {
        var (database, review, _) = await ReviewedAsync(DatabaseProvider.Sqlite);
        await using var _ = database;
        Assert.Equal(0, (await CliRun.RunAsync(database, "actions", "adopt", "--review", review, "--recommendation", "r1", "--owner", "a@example.com", "--due", Due,
            "--title", "=HYPERLINK(\"http://evil\")", "--resources", "Two people, one day")).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(database, "actions", "update", "1", "--note", "Said \"yes\" on\ntwo lines")).ExitCode);

        var csv = await CliRun.RunAsync(database, "actions", "export", "--format", "csv");
        var markdown = await CliRun.RunAsync(database, "actions", "export", "--format", "md");
        var noFormat = await CliRun.RunAsync(database, "actions", "export");

        Assert.True(csv.ExitCode == 0, csv.Error);
        var lines = csv.Out.Split("\r\n");
        Assert.StartsWith("id,plan,title,status,review,recommendation_id,recommendation_key,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("1,customer-experience,\"'=HYPERLINK(\"\"http://evil\"\")\",planned,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",\"Two people, one day\",", csv.Out, StringComparison.Ordinal);
        Assert.Contains("note: Said \"\"yes\"\" on\ntwo lines", csv.Out, StringComparison.Ordinal);
        Assert.StartsWith("# Improvement log", markdown.Out, StringComparison.Ordinal);
        Assert.Contains("## Action 1: ", markdown.Out, StringComparison.Ordinal);
        Assert.Equal(2, noFormat.ExitCode);
    }
}
