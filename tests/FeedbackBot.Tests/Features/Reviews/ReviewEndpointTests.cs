using System.Net;
using System.Text.Json;
using FeedbackBot.Data;
using FeedbackBot.Features.Reviews;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Browser;
using FeedbackBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;

namespace FeedbackBot.Tests.Features.Reviews;

public sealed class ReviewEndpointTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Get_WithTheLinksToken_ServesHtmlJsonAndCsv(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ExampleReviews.ImportAllAsync(database);
        var (run, link) = await ExampleReviews.ReviewAsync(database, "--format", "json");
        await using var app = await TestHost.StartAsync(CliRun.Settings(database));
        using var client = new HttpClient { BaseAddress = TestHost.Address(app) };

        var html = await client.GetAsync(link.PathAndQuery);
        var json = await client.GetAsync(link.AbsolutePath + ".json" + link.Query);
        var csv = await client.GetAsync(link.AbsolutePath + ".csv" + link.Query);

        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", html.Headers.CacheControl?.ToString());
        Assert.Contains("default-src 'none'", html.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("Customer experience", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal(
            JsonSerializer.Serialize(JsonDocument.Parse(run.Out)),
            JsonSerializer.Serialize(JsonDocument.Parse(await json.Content.ReadAsStringAsync())));

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("section,kpi,metric,segment,value", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WithoutAValidToken_Is403AndShowsNoData()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database);
        var (_, link) = await ExampleReviews.ReviewAsync(database);
        var (_, other) = await ExampleReviews.ReviewAsync(database);
        await using var app = await TestHost.StartAsync(CliRun.Settings(database));
        using var client = new HttpClient { BaseAddress = TestHost.Address(app) };
        var token = link.Query["?token=".Length..];
        var links = app.Services.GetRequiredService<ReportLinks>();
        var id = Guid.Parse(link.Segments[^1]);
        var expired = await links.TokenAsync(id, DateTimeOffset.UtcNow.AddSeconds(-1), CancellationToken.None);
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        var stretched = (long.Parse(token.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture) + 86400) + "." + token.Split('.')[1];

        string[] forged =
        [
            link.AbsolutePath,
            link.AbsolutePath + "?token=",
            link.AbsolutePath + "?token=" + tampered,
            link.AbsolutePath + "?token=" + stretched,
            link.AbsolutePath + "?token=" + Uri.EscapeDataString(expired),
            link.AbsolutePath + "?token=not.a-token",
            link.AbsolutePath + ".json",
            link.AbsolutePath + ".csv?token=" + tampered,
            other.AbsolutePath + link.Query,
            other.AbsolutePath + ".json" + link.Query,
        ];
        foreach (var path in forged)
        {
            var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {response.StatusCode}");
            Assert.DoesNotContain("Customer experience", body, StringComparison.Ordinal);
            Assert.DoesNotContain("csat", body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Get_UnknownReviewOrName_Is404()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = await TestHost.StartAsync(CliRun.Settings(database));
        using var client = new HttpClient { BaseAddress = TestHost.Address(app) };
        var unknown = Guid.NewGuid();
        var token = await app.Services.GetRequiredService<ReportLinks>().TokenAsync(unknown, DateTimeOffset.UtcNow.AddHours(1), CancellationToken.None);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/reviews/{unknown}?token={Uri.EscapeDataString(token)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/reviews/{unknown}.pdf?token={Uri.EscapeDataString(token)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/reviews/latest")).StatusCode);
    }

    [Fact]
    public async Task Get_LinkLifetimeConfigured_TokenExpiresThen()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = CliRun.Settings(database);
        settings["Reports:LinkLifetime"] = "00:00:02";
        await ExampleReviews.ImportAllAsync(database);
        var run = await CliRun.RunAsync(settings, "review", "--plan", "customer-experience", "--cycle", "2026-10-12..2026-10-18");
        var printed = new Uri(run.Error.Split(' ', '\n').Single(w => w.StartsWith("http", StringComparison.Ordinal)).Trim());
        var reviewId = Guid.Parse(printed.Segments[^1]);
        // The host's clock is stopped on a whole second, so a link it makes expires exactly the configured two seconds
        // later (tokens carry whole seconds), and the test moves the clock to either side of that instead of waiting.
        var clock = new ManualClock(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        await using var app = await TestHost.StartAsync(settings, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        using var client = new HttpClient { BaseAddress = TestHost.Address(app) };
        var link = await app.Services.GetRequiredService<ReportLinks>().CreateAsync(reviewId, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link.PathAndQuery)).StatusCode);
        clock.Advance(TimeSpan.FromSeconds(2) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link.PathAndQuery)).StatusCode);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(link.PathAndQuery)).StatusCode);
    }

    [Theory]
    [InlineData("Reports:LinkLifetime", "forever")]
    [InlineData("Reports:LinkLifetime", "-1.00:00:00")]
    [InlineData("Reports:BaseUrl", "ftp://reports.example")]
    public async Task Review_BadReportSetting_Exits2NamingTheKey(string key, string value)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = CliRun.Settings(database);
        settings[key] = value;

        var run = await CliRun.RunAsync(settings, "review", "--plan", "customer-experience");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(key, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ReportInChromium_DrawsItsChartsWithoutRequestsElsewhere()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database);
        var (_, link) = await ExampleReviews.ReviewAsync(database);
        await using var app = await TestHost.StartAsync(CliRun.Settings(database));
        var address = TestHost.Address(app);
        var page = await chromium.NewPageAsync();
        var watch = await PageWatch.StartAsync(page, address);

        await page.GotoAsync(new Uri(address, link.PathAndQuery).AbsoluteUri);
        await page.WaitForFunctionAsync("() => document.documentElement.dataset.charts !== undefined", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        var state = await page.EvaluateAsync<string>("() => document.documentElement.dataset.charts");
        var charts = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('canvas')].filter(c => Chart.getChart(c) !== undefined).length");
        await ChromiumFixture.SaveScreenshotAsync(page, "served-review-report");

        Assert.Equal("ready", state);
        Assert.True(charts >= 6, $"{charts} charts drawn");
        Assert.Empty(watch.Elsewhere);
        Assert.Empty(watch.Errors);
    }
}
