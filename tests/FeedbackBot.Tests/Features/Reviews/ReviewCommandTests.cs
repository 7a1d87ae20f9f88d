using System.Globalization;
using System.Text.Json;
using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Features.DataImports;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.Reviews;

public sealed class ReviewCommandTests
{
    private const string UpdateGoldenVariable = "FEEDBACKBOT_UPDATE_GOLDEN";

    private static string GoldenFile => Path.Combine(RepositoryPaths.Root, "tests", "FeedbackBot.Tests", "Features", "Reviews", "golden", "customer-experience-2026-10-12.json");

    [Fact]
    public async Task Review_ExampleData_MatchesTheGoldenReview()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database);

        var (run, _) = await ExampleReviews.ReviewAsync(database, "--format", "json");

        if (Environment.GetEnvironmentVariable(UpdateGoldenVariable) == "1")
        {
            await File.WriteAllTextAsync(GoldenFile, run.Out);
        }

        // The review is a pure function of the data: any change to a figure, a finding or a wording shows up here.
        Assert.Equal(await File.ReadAllTextAsync(GoldenFile), run.Out);
    }

    [Fact]
    public async Task Review_ExampleData_FiguresMatchAnIndependentComputationFromTheFile()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database);

        var (run, _) = await ExampleReviews.ReviewAsync(database, "--format", "json");

        using var review = JsonDocument.Parse(run.Out);
        var expected = IndependentReview.Compute(ExampleData.CurrentCustomerResponses, new DateTime(2026, 10, 12, 0, 0, 0, DateTimeKind.Utc));
        var validation = review.RootElement.GetProperty("validation");
        Assert.Equal(expected.Received, validation.GetProperty("received").GetInt32());
        Assert.Equal(expected.Usable, validation.GetProperty("usable").GetInt32());
        foreach (var (reason, count) in expected.Excluded)
        {
            Assert.Equal(count, validation.GetProperty("excluded").GetProperty(reason).GetInt32());
        }

        var metrics = review.RootElement.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!);
        Assert.Equal(expected.Csat, metrics["csat"].GetProperty("value").GetDouble(), 0.1);
        Assert.Equal(expected.Nps, metrics["nps"].GetProperty("value").GetDouble(), 0.1);
        Assert.Equal(expected.Ces, metrics["ces"].GetProperty("value").GetDouble(), 0.1);
        Assert.Equal(expected.Fcr, metrics["fcr"].GetProperty("value").GetDouble(), 0.1);
        Assert.Equal(expected.CsatAnswers, metrics["csat"].GetProperty("n").GetInt64());
    }

    [Fact]
    public async Task Review_ExampleData_ShowsTheComplaintsParetoWithTheVitalFew()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database);

        var (json, _) = await ExampleReviews.ReviewAsync(database, "--format", "json");
        var (markdown, _) = await ExampleReviews.ReviewAsync(database, "--format", "md");

        // The week's 34 complaints: delay 15 (44.1%), billing 8 (23.5%, cumulative 67.6%), and 11 in categories below the
        // minimum group size of 5, counted together as other (32.4%), which takes the cumulative share past 80%.
        using var review = JsonDocument.Parse(json.Out);
        var pareto = review.RootElement.GetProperty("complaints").GetProperty("pareto").EnumerateArray()
            .Select(p => (p.GetProperty("category").GetString(), p.GetProperty("count").GetInt32(), p.GetProperty("share").GetDouble(),
                p.GetProperty("cumulative_share").GetDouble(), p.GetProperty("vital_few").GetBoolean()))
            .ToList();
        Assert.Equal([("delay", 15, 44.1, 44.1, true), ("billing", 8, 23.5, 67.6, true), ("other", 11, 32.4, 100.0, true)], pareto);
        Assert.Contains("### Pareto of categories", markdown.Out, StringComparison.Ordinal);
        Assert.Contains("| delay | 15 | 44.1% | 44.1% | yes |", markdown.Out, StringComparison.Ordinal);
        Assert.Contains("Delay and billing make up 67.6% of complaints", markdown.Out, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Review_RunTwice_StoresTwoSnapshotsAndLeavesTheFirstUnchanged(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ExampleReviews.ImportAllAsync(database);
        var (first, firstLink) = await ExampleReviews.ReviewAsync(database, "--format", "json");
        string before;
        await using (var db = database.CreateContext())
        {
            before = (await db.Reviews.SingleAsync()).Document;
        }

        var more = await CliRun.RunAsync(database, "import", "complaints", Path.Combine(RepositoryPaths.Root, "tests", "FeedbackBot.Tests", "Features", "Reviews", "golden", "late-complaints.csv"), "--plan", ExampleData.CustomerPlan);
        Assert.Equal(0, more.ExitCode);
        var (second, secondLink) = await ExampleReviews.ReviewAsync(database, "--format", "json");

        await using (var db = database.CreateContext())
        {
            var reviews = await db.Reviews.OrderBy(r => r.CreatedAt).ToListAsync();
            Assert.Equal(2, reviews.Count);
            Assert.Equal(before, reviews[0].Document);
            Assert.NotEqual(reviews[0].Document, reviews[1].Document);
        }

        Assert.NotEqual(first.Out, second.Out);
        Assert.NotEqual(firstLink.AbsolutePath, secondLink.AbsolutePath);
    }

    [Fact]
    public async Task Review_WithoutCycle_ReviewsTheLatestClosedCycleNotTheOpenOne()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database);
        var open = await OpenCycleAsync(database, ExampleData.StaffPlan);

        var run = await CliRun.RunAsync(database, "review", "--plan", ExampleData.StaffPlan, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var review = JsonDocument.Parse(run.Out);
        Assert.Equal("2026-10-12T00:00:00Z", review.RootElement.GetProperty("cycle").GetProperty("start").GetString());
        Assert.False(review.RootElement.GetProperty("cycle").GetProperty("provisional").GetBoolean());
        Assert.Contains("staff-pulse 2026-10-12..2026-10-16", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("provisional", run.Error, StringComparison.Ordinal);
        Assert.NotEqual(open, review.RootElement.GetProperty("cycle").GetProperty("start").GetDateTime());
    }

    [Fact]
    public async Task Review_OpenCycleNamedWithCycle_IsMarkedProvisionalInTheOutputAndTheReview()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database);
        var open = await OpenCycleAsync(database, ExampleData.StaffPlan);
        var dates = $"{open:yyyy-MM-dd}..{open.AddDays(1):yyyy-MM-dd}";

        var json = await CliRun.RunAsync(database, "review", "--plan", ExampleData.StaffPlan, "--cycle", dates, "--format", "json");
        var markdown = await CliRun.RunAsync(database, "review", "--plan", ExampleData.StaffPlan, "--cycle", dates);

        Assert.True(json.ExitCode == 0, json.Error);
        using var review = JsonDocument.Parse(json.Out);
        Assert.True(review.RootElement.GetProperty("cycle").GetProperty("provisional").GetBoolean());
        Assert.Contains($"The cycle {dates} is still open", json.Error, StringComparison.Ordinal);
        Assert.Contains("this review is provisional", json.Error, StringComparison.Ordinal);
        Assert.Contains("**Provisional:** the cycle was still open", markdown.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_OnlyAnOpenCycle_Exits2NamingTheCycleOptionForAProvisionalReview()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleData.ApplyPlansAsync(database);
        var open = await OpenCycleAsync(database, ExampleData.StaffPlan);

        var run = await CliRun.RunAsync(database, "review", "--plan", ExampleData.StaffPlan);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("has no closed cycle yet", run.Error, StringComparison.Ordinal);
        Assert.Contains($"--cycle {open:yyyy-MM-dd}..{open.AddDays(1):yyyy-MM-dd}", run.Error, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Reviews.CountAsync());
    }

    /// <summary>A cycle of the plan opened an hour ago at a time of day, as start pulse opens one, lasting a day; returns its start.</summary>
    private static async Task<DateTime> OpenCycleAsync(TestDatabase database, string planKey)
    {
        await using var db = database.CreateContext();
        var plan = await db.Plans.SingleAsync(p => p.Key == planKey);
        var version = await db.PlanVersions.Where(v => v.PlanId == plan.Id).Select(v => v.Id).FirstAsync();
        var now = DateTime.UtcNow;
        // Past noon-ish of the same day, so the window's dates are today and tomorrow whenever the test runs.
        var starts = now.Date.AddHours(now.Hour < 1 ? 0 : now.Hour - 1).AddMinutes(17);
        db.ReviewCycles.Add(new Data.Entities.ReviewCycle { Id = Guid.NewGuid(), PlanId = plan.Id, PlanVersionId = version, StartsAt = starts, EndsAt = starts.AddDays(1), State = Data.Entities.CycleState.Open, CreatedAt = now });
        await db.SaveChangesAsync();
        return starts;
    }

    [Fact]
    public async Task Review_FormatHtmlWithOut_WritesAStandaloneReport()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database);
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "review.html");

        var (run, _) = await ExampleReviews.ReviewAsync(database, "--format", "html", "--out", file);

        Assert.Empty(run.Out);
        var html = await File.ReadAllTextAsync(file);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Customer experience", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.Contains($"Wrote {file}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_FormatMarkdown_EndsWithANewline()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database);

        var (run, _) = await ExampleReviews.ReviewAsync(database);

        Assert.StartsWith("# ", run.Out, StringComparison.Ordinal);
        Assert.EndsWith("\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_UnknownPlan_Exits2AndStoresNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database);

        var run = await CliRun.RunAsync(database, "review", "--plan", "nope");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("No plan 'nope'", run.Error, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Reviews.CountAsync());
    }

    [Fact]
    public async Task Review_CycleThatDoesNotExist_ListsTheCyclesThereAre()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database);

        var run = await CliRun.RunAsync(database, "review", "--plan", ExampleData.CustomerPlan, "--cycle", "2026-10-13..2026-10-18");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("2026-10-05..2026-10-11, 2026-10-12..2026-10-18", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-10-12")]
    [InlineData("2026-10-18..2026-10-12")]
    [InlineData("12/10/2026..18/10/2026")]
    public async Task Review_MalformedCycle_Exits2NamingTheOption(string cycle)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var run = await CliRun.RunAsync(database, "review", "--plan", ExampleData.CustomerPlan, "--cycle", cycle);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--cycle", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_UnknownFormat_Exits2()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var run = await CliRun.RunAsync(database, "review", "--plan", ExampleData.CustomerPlan, "--format", "xml");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("xml", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_PlanWithoutCycles_SaysHowToGetOne()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleData.ApplyPlansAsync(database);

        var run = await CliRun.RunAsync(database, "review", "--plan", ExampleData.StaffPlan);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("has no cycles yet", run.Error, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"import responses"), run.Error, StringComparison.Ordinal);
    }
}
