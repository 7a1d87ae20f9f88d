using System.Text.Json;
using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Plans;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.Plans;

public sealed class PlansCommandTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task PlansApply_ExamplePlans_ListShowsBoth(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var files = Directory.GetFiles(RepositoryPaths.ExamplePlans, "*.yaml").Order().ToArray();
        Assert.Equal(2, files.Length);

        var apply = await CliRun.RunAsync(database, ["plans", "apply", .. files]);
        Assert.True(apply.ExitCode == 0, apply.Error);
        Assert.Contains("customer-experience: created, version 1", apply.Out);
        Assert.Contains("staff-pulse: created, version 1", apply.Out);

        var list = await CliRun.RunAsync(database, "plans", "list");
        Assert.Equal(0, list.ExitCode);
        var lines = list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ID", lines[0]);
        Assert.StartsWith("customer-experience", lines[1]);
        Assert.StartsWith("staff-pulse", lines[2]);
        Assert.Equal(3, lines.Length);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task PlansApply_UnknownQuestionType_ExitsTwoNamingTheLineAndStoresNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();
        var file = folder.Write("bad.yaml", PlanFiles.QuickPulseWithUnknownType);
        Assert.Equal(0, (await CliRun.RunAsync(database, "migrate")).ExitCode);

        var run = await CliRun.RunAsync(database, "plans", "apply", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(run.ErrorLines, l => l.StartsWith($"{file}:8:", StringComparison.Ordinal) &&
            l.Contains("questions[0].type", StringComparison.Ordinal) && l.Contains("'stars'", StringComparison.Ordinal));
        Assert.Empty(run.Out);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Plans.CountAsync());
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task PlansApply_OneBadFileAmongGoodOnes_StoresNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();
        var good = Path.Combine(RepositoryPaths.ExamplePlans, "customer-experience.yaml");
        var bad = folder.Write("bad.yaml", PlanFiles.QuickPulseWithUnknownType);
        await CliRun.RunAsync(database, "migrate");

        var run = await CliRun.RunAsync(database, "plans", "apply", good, bad);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Nothing was stored", run.Error);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Plans.CountAsync());
        Assert.Equal(0, await db.PlanVersions.CountAsync());
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task PlansApply_SameContentTwice_KeepsOneVersion(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();
        var file = folder.Write("pulse.yaml", PlanFiles.QuickPulse);

        Assert.Equal(0, (await CliRun.RunAsync(database, "plans", "apply", file)).ExitCode);
        var again = await CliRun.RunAsync(database, "plans", "apply", file);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("quick-pulse: unchanged, still version 1", again.Out);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.PlanVersions.CountAsync());
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task PlansApply_ChangedPlan_AddsVersionAndKeepsTheOldOneIntact(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();
        Assert.Equal(0, (await CliRun.RunAsync(database, "plans", "apply", folder.Write("v1.yaml", PlanFiles.QuickPulse))).ExitCode);

        var run = await CliRun.RunAsync(database, "plans", "apply", folder.Write("v2.yaml", PlanFiles.QuickPulseWithExtraQuestion));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("quick-pulse: updated to version 2", run.Out);
        await using var db = database.CreateContext();
        var versions = await db.PlanVersions.Include(v => v.Questions).OrderBy(v => v.Number).ToListAsync();
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal(["speed"], versions[0].Questions.Select(q => q.Key));
        Assert.Equal(["comment", "speed"], versions[1].Questions.Select(q => q.Key).Order());
        Assert.Equal(2, (await db.Plans.SingleAsync()).CurrentVersion);

        var old = await CliRun.RunAsync(database, "plans", "show", "quick-pulse", "--version", "1");
        Assert.Contains("1 (current is 2)", old.Out);
        Assert.DoesNotContain("Anything else?", old.Out);
    }

    [Fact]
    public async Task PlansApply_TwoFilesWithOnePlanId_ExitsTwo()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        var first = folder.Write("a.yaml", PlanFiles.QuickPulse);
        var second = folder.Write("b.yaml", PlanFiles.QuickPulseRenamed);

        var run = await CliRun.RunAsync(database, "plans", "apply", first, second);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{second}: plan id 'quick-pulse' is also the id of the plan in {first}", run.Error);
    }

    [Fact]
    public async Task PlansApply_MissingFile_ExitsTwoNamingIt()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var run = await CliRun.RunAsync(database, "plans", "apply", "no/such/plan.yaml");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("no/such/plan.yaml: no such file.", run.ErrorLines[0]);
    }

    [Fact]
    public async Task PlansShow_ExamplePlan_PrintsQuestionsKpisScheduleAndVersions()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await CliRun.RunAsync(database, "plans", "apply", Path.Combine(RepositoryPaths.ExamplePlans, "customer-experience.yaml"));

        var run = await CliRun.RunAsync(database, "plans", "show", "customer-experience");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Version:         1 (current)", run.Out);
        Assert.Contains("0 9 * * MON (Europe/London); next 20", run.Out);
        Assert.Contains("csat of ", run.Out);
        Assert.Contains("target >= 85", run.Out);
        Assert.Contains("first_response_minutes, target <= 60", run.Out);
        Assert.Contains("Versions", run.Out);
    }

    [Fact]
    public async Task PlansShow_StaffExamplePlan_ShowsTheAgreementWordsOfItsStatements()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await CliRun.RunAsync(database, "plans", "apply", Path.Combine(RepositoryPaths.ExamplePlans, "staff-pulse.yaml"));

        var run = await CliRun.RunAsync(database, "plans", "show", "staff-pulse");

        Assert.Equal(0, run.ExitCode);
        var responsiveness = run.Out.Split('\n').Single(l => l.TrimStart().StartsWith("responsiveness ", StringComparison.Ordinal));
        Assert.Contains(" agree5 ", responsiveness, StringComparison.Ordinal);
        Assert.Contains(
            "Customers get a response from us quickly. [1 – strongly disagree | 2 – disagree | 3 – neither agree nor disagree | 4 – agree | 5 – strongly agree]",
            responsiveness, StringComparison.Ordinal);
        Assert.Contains("[1 – Never | 2 – Rarely | 3 – Sometimes | 4 – Usually | 5 – Always]", run.Out, StringComparison.Ordinal);
        Assert.Contains("agree of communication, target >= 75", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("satisfied", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlansShow_JsonFormat_GivesThePlanFileKeys()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        await CliRun.RunAsync(database, "plans", "apply", folder.Write("p.yaml", PlanFiles.QuickPulse));

        var run = await CliRun.RunAsync(database, "plans", "show", "quick-pulse", "--format", "json");

        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("quick-pulse", json.RootElement.GetProperty("id").GetString());
        Assert.Equal(5, json.RootElement.GetProperty("minimum_group_size").GetInt32());
        Assert.Equal("rating5", json.RootElement.GetProperty("questions")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task PlansShow_UnknownPlan_ExitsTwo()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var run = await CliRun.RunAsync(database, "plans", "show", "nope");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("No plan 'nope' in tenant local; see 'feedbackbot plans list'.", run.ErrorLines.Single());
    }

    [Fact]
    public async Task PlansApply_ForAnotherTenant_IsInvisibleToTheLocalTenant()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        var file = folder.Write("p.yaml", PlanFiles.QuickPulse);

        Assert.Equal(0, (await CliRun.RunAsync(database, "plans", "apply", file, "--tenant", "slack:T0123")).ExitCode);

        Assert.Contains("No plans in tenant local", (await CliRun.RunAsync(database, "plans", "list")).Out);
        Assert.Contains("quick-pulse", (await CliRun.RunAsync(database, "plans", "list", "--tenant", "slack:T0123")).Out);
        Assert.Equal(2, (await CliRun.RunAsync(database, "plans", "list", "--tenant", "irc:x")).ExitCode);
    }
}
