using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using FeedbackBot.Data;
using FeedbackBot.Features.Reviews;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Browser;
using FeedbackBot.Tests.Features.DataImports;
using FeedbackBot.Tests.Features.Reviews;
using FeedbackBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Tests.Features.History;

public sealed partial class HistoryEndpointTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string PreviousRow = "<th scope=\"row\">" + ExampleData.PreviousCustomerCycle + "</th>";
    private const string CurrentRow = "<th scope=\"row\">" + ExampleData.CurrentCustomerCycle + "</th>";

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Get_HistoryLinkOfTheReport_ShowsEachCycleAsItsReviewReportsIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ExampleReviews.ImportAllAsync(database);
        using var previous = await ReviewJsonAsync(database, ExampleData.PreviousCustomerCycle);
        var (run, link) = await ExampleReviews.ReviewAsync(database, "--format", "json");
        using var current = JsonDocument.Parse(run.Out);
        await using var app = await TestHost.StartAsync(CliRun.Settings(database));
        using var client = new HttpClient { BaseAddress = TestHost.Address(app) };

        var history = await FollowHistoryLinkAsync(client, link, "csat");
        var html = await history.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        Assert.Equal("text/html", history.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", history.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", history.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", history.Headers.GetValues("Referrer-Policy").Single());
        var policy = history.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("default-src 'none'; style-src 'sha256-", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("CSAT over time", html, StringComparison.Ordinal);
        Assert.Contains("2 completed cycle(s).", html, StringComparison.Ordinal);
        Assert.Contains(PreviousRow + Figures(previous.RootElement, "csat"), html, StringComparison.Ordinal);
        Assert.Contains(CurrentRow + Figures(current.RootElement, "csat"), html, StringComparison.Ordinal);
        Assert.Contains($"href=\"../../{link.Segments[^1]}{link.Query}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_HistoryLinkOfAnEarlierReview_LeavesOutTheCyclesAfterIt()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database);
        var run = await CliRun.RunAsync(database, "review", "--plan", ExampleData.CustomerPlan, "--cycle", ExampleData.PreviousCustomerCycle, "--format", "json");
        using var review = JsonDocument.Parse(run.Out);
        var link = ReportLink(run);
        await using var app = await TestHost.StartAsync(CliRun.Settings(database));
        using var client = new HttpClient { BaseAddress = TestHost.Address(app) };

        var history = await FollowHistoryLinkAsync(client, link, "csat");
        var html = await history.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        Assert.Contains("1 completed cycle(s).", html, StringComparison.Ordinal);
        Assert.Contains(PreviousRow + Figures(review.RootElement, "csat"), html, StringComparison.Ordinal);
        Assert.DoesNotContain(ExampleData.CurrentCustomerCycle, html, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-10-12", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_KpiWithoutAFigureInAnyCycle_SaysThereIsNothingToChart()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database);
        var (_, link) = await ExampleReviews.ReviewAsync(database);
        await using var app = await TestHost.StartAsync(CliRun.Settings(database));
        using var client = new HttpClient { BaseAddress = TestHost.Address(app) };

        // No invitations were imported, so no cycle has a response rate; the report still links it.
        var history = await FollowHistoryLinkAsync(client, link, "response_rate");
        var html = await history.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        Assert.Contains("No completed cycle has a figure for this KPI yet", html, StringComparison.Ordinal);
        Assert.Contains(ExampleData.PreviousCustomerCycle, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_KpiThePlanHasDroppedSinceTheReview_StillShowsItsHistory()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database);
        var (run, link) = await ExampleReviews.ReviewAsync(database, "--format", "json");
        using var review = JsonDocument.Parse(run.Out);
        using var folder = new TempFolder();
        var plan = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.ExamplePlans, "customer-experience.yaml"));
        // Its scorecards name the KPI too, so they point at CSAT instead.
        var withoutFcr = plan.Replace("  - id: fcr\n    metric: fcr\n    question: first_contact\n    target: 75\n\n", string.Empty, StringComparison.Ordinal)
            .Replace("kpi: fcr", "kpi: csat", StringComparison.Ordinal);
        Assert.NotEqual(plan, withoutFcr);
        var apply = await CliRun.RunAsync(database, "plans", "apply", folder.Write("customer-experience.yaml", withoutFcr));
        Assert.True(apply.ExitCode == 0, apply.Error);
        await using var app = await TestHost.StartAsync(CliRun.Settings(database));
        using var client = new HttpClient { BaseAddress = TestHost.Address(app) };

        var history = await FollowHistoryLinkAsync(client, link, "fcr");
        var html = await history.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        Assert.Contains(CurrentRow + Figures(review.RootElement, "fcr"), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WithoutThisReviewsValidToken_Is403AndShowsNoFigures()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database);
        var (_, link) = await ExampleReviews.ReviewAsync(database);
        var (_, other) = await ExampleReviews.ReviewAsync(database);
        await using var app = await TestHost.StartAsync(CliRun.Settings(database));
        using var client = new HttpClient { BaseAddress = TestHost.Address(app) };
        var token = link.Query["?token=".Length..];
        var id = Guid.Parse(link.Segments[^1]);
        var expired = await app.Services.GetRequiredService<ReportLinks>().TokenAsync(id, DateTimeOffset.UtcNow.AddSeconds(-1), CancellationToken.None);
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        var history = link.AbsolutePath + "/history/csat";
        var report = await client.GetAsync(link.AbsolutePath);

        string[] forged =
        [
            history,
            history + "?token=",
            history + "?token=" + tampered,
            history + "?token=" + Uri.EscapeDataString(expired),
            history + "?token=not.a-token",
            link.AbsolutePath + "/history/no-such-kpi?token=" + tampered,
            other.AbsolutePath + "/history/csat" + link.Query,
        ];
        foreach (var path in forged)
        {
            var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {response.StatusCode}");
            Assert.Equal(await report.Content.ReadAsStringAsync(), body);
            Assert.DoesNotContain("csat", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(Digits(), body);
        }
    }

    [Fact]
    public async Task Get_UnknownKpiReviewOrMalformedId_Is404()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database);
        var (_, link) = await ExampleReviews.ReviewAsync(database);
        await using var app = await TestHost.StartAsync(CliRun.Settings(database));
        using var client = new HttpClient { BaseAddress = TestHost.Address(app) };
        var unknown = Guid.NewGuid();
        var token = await app.Services.GetRequiredService<ReportLinks>().TokenAsync(unknown, DateTimeOffset.UtcNow.AddHours(1), CancellationToken.None);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(link.AbsolutePath + "/history/no-such-kpi" + link.Query)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(link.AbsolutePath + "/history/CSAT" + link.Query)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/reviews/{unknown}/history/csat?token={Uri.EscapeDataString(token)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/reviews/latest/history/csat" + link.Query)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/reviews/{link.Segments[^1]}.json/history/csat{link.Query}")).StatusCode);
    }

    [Fact]
    public async Task Get_HistoryLinkClickedInChromium_DrawsTheChartWithoutErrorsOrRequestsElsewhere()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database);
        var (_, link) = await ExampleReviews.ReviewAsync(database);
        await using var app = await TestHost.StartAsync(CliRun.Settings(database));
        var address = TestHost.Address(app);
        var page = await chromium.NewPageAsync();
        var watch = await PageWatch.StartAsync(page, address);
        await page.GotoAsync(new Uri(address, link.PathAndQuery).AbsoluteUri);

        await page.Locator("article[data-kpi='nps'] .kpi-history a").ClickAsync();
        await page.WaitForURLAsync("**/history/nps?token=*");
        var heading = await page.Locator("h1").TextContentAsync();
        var points = await page.Locator("svg circle.point").CountAsync();
        // The style sheet applies only if the page's policy lets its inline style in: the masthead's text is then white.
        var masthead = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.masthead')).color");
        await ChromiumFixture.SaveScreenshotAsync(page, "served-kpi-history");
        await page.Locator("a.download").ClickAsync();
        await page.WaitForURLAsync(new Regex(Regex.Escape(link.AbsolutePath) + @"\?token="));

        Assert.Contains("NPS over time", heading, StringComparison.Ordinal);
        Assert.Equal(2, points);
        Assert.Equal("rgb(255, 255, 255)", masthead);
        Assert.Empty(watch.Elsewhere);
        Assert.Empty(watch.Errors);
    }

    /// <summary>A KPI's value and n as the history table shows them after the cycle's header cell.</summary>
    private static string Figures(JsonElement review, string kpi)
    {
        var metric = review.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("id").GetString() == kpi);
        return string.Create(CultureInfo.InvariantCulture,
            $"<td class=\"num\">{metric.GetProperty("value").GetDouble():0.0}%</td><td class=\"num\">{metric.GetProperty("n").GetInt64()}</td>");
    }

    /// <summary>Opens the report, finds its link to the KPI's history, and follows it as a browser resolves it.</summary>
    private static async Task<HttpResponseMessage> FollowHistoryLinkAsync(HttpClient client, Uri link, string kpi)
    {
        var report = await client.GetStringAsync(link.PathAndQuery);
        var href = HistoryHref().Matches(report).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .Single(h => h.Contains($"/history/{kpi}?", StringComparison.Ordinal));
        return await client.GetAsync(new Uri(new Uri(client.BaseAddress!, link.PathAndQuery), href).PathAndQuery);
    }

    private static async Task<JsonDocument> ReviewJsonAsync(TestDatabase database, string cycle)
    {
        var run = await CliRun.RunAsync(database, "review", "--plan", ExampleData.CustomerPlan, "--cycle", cycle, "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.Out);
    }

    private static Uri ReportLink(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.Error);
        return new Uri(run.Error.Split(' ', '\n').Single(w => w.StartsWith("http", StringComparison.Ordinal)).Trim());
    }

    [GeneratedRegex("<p class=\"kpi-history\"><a href=\"([^\"]+)\"")]
    private static partial Regex HistoryHref();

    [GeneratedRegex("[0-9]{2}")]
    private static partial Regex Digits();
}
