using System.Text.Json;
using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Features.DataImports;
using FeedbackBot.Tests.Features.Reviews;
using FeedbackBot.Tests.Support;

namespace FeedbackBot.Tests.Features.History;

public sealed class HistoryCommandTests
{
    private static readonly string[] PointKeys = ["cycle_start", "cycle_end", "value", "n", "ci95", "center", "ucl", "lcl", "signal"];

    [Theory]
    [InlineData("csat", "p")]
    [InlineData("fcr", "p")]
    [InlineData("nps", "individuals")]
    [InlineData("ces", "individuals")]
    public async Task History_ExampleCycles_EachPointIsTheFigureOfThatCyclesReview(string kpi, string chart)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database);

        var run = await History(database, "--kpi", kpi, "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var history = JsonDocument.Parse(run.Out);
        var root = history.RootElement;
        Assert.Equal(["plan", "kpi", "chart", "points"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(ExampleData.CustomerPlan, root.GetProperty("plan").GetString());
        Assert.Equal(kpi, root.GetProperty("kpi").GetString());
        Assert.Equal(chart, root.GetProperty("chart").GetString());
        var points = root.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(2, points.Count);
        Assert.All(points, p => Assert.Equal(PointKeys, p.EnumerateObject().Select(k => k.Name)));
        Assert.Equal("2026-10-05T00:00:00Z", points[0].GetProperty("cycle_start").GetString());
        Assert.Equal("2026-10-12T00:00:00Z", points[1].GetProperty("cycle_start").GetString());

        string[] cycles = [ExampleData.PreviousCustomerCycle, ExampleData.CurrentCustomerCycle];
        for (var i = 0; i < cycles.Length; i++)
        {
            var review = await CliRun.RunAsync(database, "review", "--plan", ExampleData.CustomerPlan, "--cycle", cycles[i], "--format", "json");
            using var document = JsonDocument.Parse(review.Out);
            var metric = document.RootElement.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("id").GetString() == kpi);
            Assert.Equal(metric.GetProperty("value").GetDouble(), points[i].GetProperty("value").GetDouble());
            Assert.Equal(metric.GetProperty("n").GetInt64(), points[i].GetProperty("n").GetInt64());
            Assert.Equal(metric.GetProperty("ci95").GetRawText(), points[i].GetProperty("ci95").GetRawText());
        }
    }

    [Fact]
    public async Task History_ProportionKpi_CentreIsThePooledShareOfBothCycles()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database);

        var run = await History(database, "--kpi", "csat", "--format", "json");

        using var history = JsonDocument.Parse(run.Out);
        var points = history.RootElement.GetProperty("points").EnumerateArray().ToList();
        double Value(int i) => points[i].GetProperty("value").GetDouble();
        long N(int i) => points[i].GetProperty("n").GetInt64();

        // Successes recovered from the rounded percentages are exact at these n: the pooled share is Σ successes / Σ n.
        var successes = Math.Round(Value(0) * N(0) / 100) + Math.Round(Value(1) * N(1) / 100);
        var pooled = 100 * successes / (N(0) + N(1));
        Assert.All(points, p => Assert.Equal(pooled, p.GetProperty("center").GetDouble(), 0.05));
        Assert.All(points, p => Assert.True(p.GetProperty("lcl").GetDouble() < pooled && pooled < p.GetProperty("ucl").GetDouble()));
    }

    [Fact]
    public async Task History_TextFormat_ListsEachCycleWithItsLimits()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database);

        var run = await History(database, "--kpi", "csat");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("CSAT (csat) of customer-experience over 2 completed cycle(s): p-chart", run.Out, StringComparison.Ordinal);
        Assert.Contains(ExampleData.PreviousCustomerCycle, run.Out, StringComparison.Ordinal);
        Assert.Contains(ExampleData.CurrentCustomerCycle, run.Out, StringComparison.Ordinal);
        Assert.Contains("UCL", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_HtmlToFile_WritesAPageWithTheChartAndTheTable()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database);
        var file = Path.Combine(Path.GetTempPath(), $"history-{Guid.NewGuid():N}.html");
        try
        {
            var run = await History(database, "--kpi", "nps", "--format", "html", "--out", file);

            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Empty(run.Out);
            var html = await File.ReadAllTextAsync(file);
            Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
            Assert.Contains("Content-Security-Policy", html, StringComparison.Ordinal);
            Assert.Contains("<svg", html, StringComparison.Ordinal);
            Assert.Equal(2, html.Split("<circle").Length - 1);
            Assert.Contains("<table>", html, StringComparison.Ordinal);
            Assert.Contains("<th scope=\"row\">2026-10-12..2026-10-18</th>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task History_UnknownPlan_ExitsWith2()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database);

        var run = await CliRun.RunAsync(database, "history", "--plan", "no-such-plan", "--kpi", "csat");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("No plan 'no-such-plan'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_UnknownKpi_ExitsWith2AndNamesThePlansKpis()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database);

        var run = await History(database, "--kpi", "<script>");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("has no KPI '<script>'; its KPIs are: csat, nps, ces, fcr, response_rate, first_response.", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task History_PlanWithoutCycles_ExitsWith2AndSaysHowToImport()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleData.ApplyPlansAsync(database);

        var run = await History(database, "--kpi", "csat");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("has no completed cycle yet", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_KpiWithoutAFigureInAnyCycle_ExitsWith2()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database);

        // No invitations were imported, so neither cycle's review has a response rate.
        var run = await History(database, "--kpi", "response_rate");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no completed cycle with a figure for 'response_rate'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_BadFormat_ExitsWith2()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleData.ApplyPlansAsync(database);

        var run = await History(database, "--kpi", "csat", "--format", "pdf");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
    }

    private static Task<CliRun> History(TestDatabase database, params string[] extra) =>
        CliRun.RunAsync(database, ["history", "--plan", ExampleData.CustomerPlan, .. extra]);
}
