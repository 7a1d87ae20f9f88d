using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FeedbackBot.Core.Reviews;
using FeedbackBot.Features.Reviews.Rendering;

namespace FeedbackBot.Tests.Features.Reviews.Rendering;

public sealed class ReviewHtmlTests
{
    private static readonly Review Sample = SampleReviews.Realistic();
    private static readonly HtmlReportOptions Options = new("review.csv", "reviews/42/review.json", new DateTime(2026, 11, 2, 8, 30, 0, DateTimeKind.Utc));
    private static readonly string Html = ReviewHtml.Render(Sample, Options);

    [Fact]
    public void Render_Page_IsOneDocumentWhoseTagsNest()
    {
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", Html, StringComparison.Ordinal);
        Assert.Empty(HtmlStructure.NestingErrors(Html));
        Assert.Contains("<title>Service review: Customer experience: support desk, 1 Oct 2026 – 31 Oct 2026</title>", Html, StringComparison.Ordinal);
        Assert.Single(HtmlStructure.StartTags(Html, "h1"));
        Assert.Single(HtmlStructure.StartTags(Html, "main"));
    }

    [Fact]
    public void Render_Page_ReferencesNothingOutsideItself()
    {
        // The one link is the tab icon, carried in the page itself.
        var link = Assert.Single(HtmlStructure.StartTags(Html, "link"));
        Assert.Contains("rel=\"icon\"", link, StringComparison.Ordinal);
        Assert.Contains("href=\"data:image/svg+xml,", link, StringComparison.Ordinal);
        Assert.Empty(HtmlStructure.StartTags(Html, "img"));
        Assert.Empty(HtmlStructure.StartTags(Html, "iframe"));
        Assert.All(HtmlStructure.StartTags(Html, "script"), tag => Assert.DoesNotContain(" src=", tag, StringComparison.Ordinal));
        Assert.Contains("Chart.js v4.6.1", HtmlStructure.Scripts(Html)[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ContentSecurityPolicy_AllowsOnlyTheInlineScriptsAndStyle()
    {
        var policy = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(Html, "http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\"").Groups[1].Value);
        var scripts = HtmlStructure.Scripts(Html);

        Assert.StartsWith("default-src 'none'; ", policy, StringComparison.Ordinal);
        Assert.Contains($"script-src {Hash(scripts[1])} {Hash(scripts[2])};", policy, StringComparison.Ordinal);
        Assert.Contains($"style-src {Hash(HtmlStructure.Style(Html))};", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ComplaintsOfOneWeek_ChartsTheCategoriesBesideThePreviousCycle()
    {
        var oneWeek = Sample with { Complaints = Sample.Complaints! with { PerWeek = [new WeekCount(new DateOnly(2026, 10, 12), 34)] } };

        var html = ReviewHtml.Render(oneWeek, Options);

        Assert.Contains("aria-label=\"Complaints per category: ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Complaints per week", html, StringComparison.Ordinal);
        var data = System.Text.Json.Nodes.JsonNode.Parse(HtmlStructure.Scripts(html)[0])!["complaints"]!;
        Assert.Equal(Sample.Complaints!.ByCategory.Select(c => c.Count), data["counts"]!.AsArray().Select(n => n!.GetValue<int>()));
        Assert.Equal(Sample.Complaints.ByCategory.Select(c => c.Previous ?? 0), data["previous"]!.AsArray().Select(n => n!.GetValue<int>()));
    }

    [Fact]
    public void Render_Kpis_ShowEachStatusAsASentence()
    {
        var withSentence = Sample with { Metrics = [Sample.Metrics[0] with { StatusText = "84.2% is above the target of 80.0%, and with these 398 answers it is very likely above it: met." }] };

        var html = ReviewHtml.Render(withSentence, Options);

        Assert.Contains("84.2% is above the target of 80.0%, and with these 398 answers it is very likely above it: met.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HostileText_IsEncodedEverywhere()
    {
        Assert.DoesNotContain("<script>alert(1)", Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<charges>", Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; I waited &quot;forever&quot; &amp; nobody called back", Html, StringComparison.Ordinal);
        Assert.Contains("<h3>Prices &amp; &lt;charges&gt;</h3>", Html, StringComparison.Ordinal);
        Assert.Equal(3, HtmlStructure.StartTags(Html, "script").Count);
    }

    [Fact]
    public void Render_ChartData_IsJsonThatCannotCloseItsElement()
    {
        var review = Sample with
        {
            Themes = Sample.Themes with
            {
                Items = [.. Sample.Themes.Items.Select((t, i) => i == 0 ? t with { Label = "</script><script>alert(2)</script><!--" } : t)],
            },
        };
        var html = ReviewHtml.Render(review, Options);

        var data = HtmlStructure.Scripts(html)[0];
        using var document = JsonDocument.Parse(data);

        Assert.DoesNotContain("<", data, StringComparison.Ordinal);
        Assert.Equal("</script><script>alert(2)</script><!--", document.RootElement.GetProperty("themes").GetProperty("labels")[0].GetString());
        Assert.Equal(Sample.Metrics.Count, document.RootElement.GetProperty("kpis").GetArrayLength());
        Assert.Equal(3, HtmlStructure.StartTags(html, "script").Count);
    }

    [Fact]
    public void Render_KpiCards_ShowValueTargetIntervalGapChangeAndStatusInWords()
    {
        var csat = Card("csat");

        Assert.Contains("<p class=\"kpi-value\">84.2%</p>", csat, StringComparison.Ordinal);
        Assert.Contains("<dt>Target</dt><dd>≥ 80.0%</dd>", csat, StringComparison.Ordinal);
        Assert.Contains("<dt>95% interval</dt><dd>80.6–87.8%</dd>", csat, StringComparison.Ordinal);
        Assert.Contains("<dt>Gap to target</dt><dd>&#x2B;4.2 pts</dd>", csat, StringComparison.Ordinal);
        Assert.Contains("<span aria-hidden=\"true\">✓</span> Met</span>", csat, StringComparison.Ordinal);
        Assert.Contains("<strong>&#x2B;3.2 pts</strong> better, from 81.0% <span class=\"p\">p = 0.210</span>", csat, StringComparison.Ordinal);
        Assert.Contains("<strong>&#x2B;0.21</strong> worse, from 3.21", Card("ces"), StringComparison.Ordinal);
        Assert.Contains("badge-missed", Card("ces"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EveryKpi_HasALabelledCanvasAndADataTable()
    {
        var canvases = HtmlStructure.StartTags(Html, "canvas").Where(t => t.Contains("data-chart-kind=\"kpi\"", StringComparison.Ordinal)).ToList();

        Assert.Equal(Sample.Metrics.Count, canvases.Count);
        Assert.All(canvases, c => Assert.Contains("role=\"img\" aria-label=\"", c, StringComparison.Ordinal));
        Assert.Contains("aria-label=\"CSAT: this cycle 84.2% (95% interval 80.6–87.8%), previous cycle 81.0%, against a target of ≥ 80.0%; met.\"", canvases[0], StringComparison.Ordinal);
        Assert.Contains("<caption>CSAT by cycle</caption>", Html, StringComparison.Ordinal);
        Assert.All(HtmlStructure.StartTags(Html, "th"), th => Assert.Matches("scope=\"(col|row)\"", th));
    }

    [Fact]
    public void Render_SuppressedFigures_ReadNotEnoughData()
    {
        var wait = Card("wait_rating");

        Assert.Contains("<p class=\"kpi-value kpi-value-none\">Not enough data</p>", wait, StringComparison.Ordinal);
        Assert.Contains("Only 3 answers; at least 5 are needed.", wait, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Mean wait time rating: this cycle: not enough data, previous cycle 3.40", wait, StringComparison.Ordinal);
        Assert.Contains("<p class=\"suppressed\">Not enough data: fewer than 5 answers.</p>", Html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">public_sector</th><td class=\"num muted\">not enough data</td>", Html, StringComparison.Ordinal);
        Assert.Contains("Not enough data: too few comments mention this theme to report it.", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FindingsAndRecommendations_CarryTheirEvidence()
    {
        Assert.Contains("<p class=\"finding-title\">Getting help takes more effort than the standard allows</p>", Html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"evidence\">CES 3.42 (95% interval 3.28–3.56, n = 377); target ≤ 3.00; previous 3.21, change &#x2B;0.21 (p = 0.031)</p>", Html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"priority priority-high\">High priority</span>", Html, StringComparison.Ordinal);
        Assert.Contains("<div><dt>Owner</dt><dd>service delivery manager</dd></div>", Html, StringComparison.Ordinal);
        Assert.Contains("<div><dt>Success criterion</dt><dd>CES at or below 3.0 with its whole 95% interval</dd></div>", Html, StringComparison.Ordinal);
        Assert.Contains("<div><dt>Review by</dt><dd>1 Dec 2026</dd></div>", Html, StringComparison.Ordinal);
        Assert.Contains("<h3>Staff rate responsiveness higher than customers do</h3>", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DataQuality_ShowsUsableOfReceivedExclusionsAndRepresentativeness()
    {
        Assert.Contains("<p class=\"validation-line\">Usable 412 of 468 received.</p>", Html, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">Answered too fast</th><td class=\"num\">14</td></tr>", Html, StringComparison.Ordinal);
        Assert.Contains("The sample&#x27;s segment mix is consistent with the population&#x27;s (chi-square 1.92, df 2, p = 0.383).", Html, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">enterprise</th><td class=\"num\">30.0%</td><td class=\"num\">33.5%</td><td class=\"num\">138</td></tr>", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithDownloadLinks_OffersThem()
    {
        Assert.Contains("<a class=\"download\" href=\"review.csv\" download>CSV (spreadsheet)</a>", Html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"download\" href=\"reviews/42/review.json\" download>JSON (full review)</a>", Html, StringComparison.Ordinal);
        Assert.Contains("<dd>2026-11-02 08:30 UTC</dd>", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithoutDownloadLinks_OffersNone()
    {
        var html = ReviewHtml.Render(Sample, Options with { CsvUrl = null, JsonUrl = null });

        Assert.DoesNotContain("class=\"download\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithHistoryLinks_EachKpiCardLinksToItsHistory()
    {
        var links = Sample.Metrics.ToDictionary(m => m.Id, m => $"42/history/{m.Id}?token=t");

        var html = ReviewHtml.Render(Sample, Options with { HistoryUrls = links });

        foreach (var metric in Sample.Metrics)
        {
            var start = html.IndexOf($"data-kpi=\"{metric.Id}\"", StringComparison.Ordinal);
            var card = html[start..html.IndexOf("</article>", start, StringComparison.Ordinal)];
            Assert.Contains($"<a href=\"42/history/{metric.Id}?token=t\">History of ", card, StringComparison.Ordinal);
        }

        Assert.Empty(HtmlStructure.NestingErrors(html));
    }

    [Fact]
    public void Render_WithoutHistoryLinks_LinksNoHistory()
    {
        Assert.DoesNotContain("/history/", Html, StringComparison.Ordinal);
        Assert.DoesNotContain("History of ", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HistoryLinkWithAnotherScheme_IsRefused() =>
        Assert.Throws<ArgumentException>(() => ReviewHtml.Render(Sample, Options with { HistoryUrls = new Dictionary<string, string> { ["csat"] = "javascript:alert(1)" } }));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData(" JavaScript:alert(1)")]
    [InlineData("data:text/html,hi")]
    [InlineData("file:///etc/passwd")]
    public void Render_LinkWithAnotherScheme_IsRefused(string url) =>
        Assert.Throws<ArgumentException>(() => ReviewHtml.Render(Sample, Options with { CsvUrl = url }));

    [Theory]
    [InlineData("https://bot.example.com/reviews/42.csv")]
    [InlineData("/reviews/42.csv?download=1")]
    [InlineData("42.csv")]
    [InlineData("a/b:c.csv")]
    public void Render_RelativeOrWebLink_IsAccepted(string url) =>
        Assert.Contains(WebUtility.HtmlEncode(url).Replace("&#39;", "&#x27;", StringComparison.Ordinal), ReviewHtml.Render(Sample, Options with { JsonUrl = url }), StringComparison.Ordinal);

    private static string Card(string kpi)
    {
        var start = Html.IndexOf($"data-kpi=\"{kpi}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no card for {kpi}");
        return Html[start..Html.IndexOf("</article>", start, StringComparison.Ordinal)];
    }

    private static string Hash(string content) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content)))}'";
}
