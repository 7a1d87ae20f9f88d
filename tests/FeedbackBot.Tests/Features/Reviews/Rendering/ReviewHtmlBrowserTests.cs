using System.Text.Json;
using FeedbackBot.Core.Reviews;
using FeedbackBot.Features.Reviews.Rendering;
using FeedbackBot.Testing.Browser;
using FeedbackBot.Tests.Support;
using Microsoft.Playwright;

namespace FeedbackBot.Tests.Features.Reviews.Rendering;

/// <summary>The report as a reader gets it: a file opened in a real Chromium with no network.</summary>
public sealed class ReviewHtmlBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static readonly Review Sample = SampleReviews.Realistic();

    [Fact]
    public async Task Render_OpenedFromDisk_DrawsEveryChartWithoutRequestsOrErrors()
    {
        using var folder = new TempFolder();
        var file = folder.Write("review.html", ReviewHtml.Render(Sample, new HtmlReportOptions("review.csv", "review.json", SampleReviews.Utc(2026, 11, 2))));
        var page = await chromium.NewPageAsync();
        var outside = new List<string>();
        var errors = new List<string>();
        await page.Context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith("file:", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
                return;
            }

            outside.Add(route.Request.Url);
            await route.AbortAsync();
        });
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                errors.Add($"{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => errors.Add("page error: " + error);

        await page.GotoAsync(new Uri(file).AbsoluteUri);
        await page.WaitForFunctionAsync("() => document.documentElement.dataset.charts !== undefined", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        var state = await page.EvaluateAsync<string>("() => document.documentElement.dataset.charts");
        var canvases = await page.EvaluateAsync<JsonElement>(
            """
            () => [...document.querySelectorAll('canvas')].map(canvas => {
              const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
              let painted = 0;
              for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] !== 0) { painted++; } }
              return { id: canvas.id, kind: canvas.dataset.chartKind, chart: Chart.getChart(canvas) !== undefined, painted, width: canvas.width };
            })
            """);
        var screenshot = await ChromiumFixture.SaveScreenshotAsync(page, "review-report");

        Assert.Equal("ready", state);
        Assert.Empty(errors);
        Assert.Empty(outside);
        Assert.All(requested, url => Assert.StartsWith("file:", url, StringComparison.Ordinal));
        var kpiCanvases = canvases.EnumerateArray().Where(c => c.GetProperty("kind").GetString() == "kpi").ToList();
        Assert.Equal(Sample.Metrics.Count, kpiCanvases.Count);
        Assert.All(canvases.EnumerateArray(), canvas =>
        {
            Assert.True(canvas.GetProperty("chart").GetBoolean(), $"{canvas.GetProperty("id")} has no chart");
            Assert.True(canvas.GetProperty("painted").GetInt32() > 500, $"{canvas.GetProperty("id")} is blank");
        });
        Assert.Equal(Sample.Metrics.Count + Sample.Distributions.Count(d => !d.Suppressed) + 2, canvases.GetArrayLength());
        Assert.True(new FileInfo(screenshot).Length > 50_000, "the screenshot is missing or empty");
    }

    [Fact]
    public async Task Render_HostileQuote_ShowsAsTextAndRunsNothing()
    {
        using var folder = new TempFolder();
        var file = folder.Write("review.html", ReviewHtml.Render(Sample, new HtmlReportOptions(null, null, SampleReviews.Utc(2026, 11, 2))));
        var page = await chromium.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };

        await page.GotoAsync(new Uri(file).AbsoluteUri);
        await page.WaitForFunctionAsync("() => document.documentElement.dataset.charts === 'ready'");

        Assert.Equal(0, dialogs);
        Assert.Equal(3, await page.Locator("script").CountAsync());
        Assert.True(await page.Locator("blockquote", new PageLocatorOptions { HasText = "<script>alert(1)</script> I waited \"forever\"" }).CountAsync() > 0);
        Assert.Equal("Prices & <charges>", await page.Locator("#themes article h3").Last.InnerTextAsync());
        Assert.Equal(0, await page.Locator("a.download").CountAsync());
    }
}
