using System.Globalization;
using System.Text;
using FeedbackBot.Core.Reviews;

namespace FeedbackBot.Features.Reviews.Rendering;

/// <summary>
/// A review as one self-contained HTML page for a service manager: KPI cards with charts of value against target,
/// what goes well and badly, gaps, recommendations with their evidence, themes with quotes, answers per question,
/// segments, complaints, and how usable and representative the data was. Style, script and chart library are inline
/// and a Content-Security-Policy forbids every request, so the file works offline, from disk or an e-mail.
/// </summary>
public static partial class ReviewHtml
{
    /// <summary>Writes the page.</summary>
    /// <exception cref="ArgumentException">A download or history link is neither relative nor http(s).</exception>
    public static string Render(Review review, HtmlReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(options);
        CheckLink(options.CsvUrl, nameof(options.CsvUrl));
        CheckLink(options.JsonUrl, nameof(options.JsonUrl));
        foreach (var url in options.HistoryUrls?.Values ?? [])
        {
            CheckLink(url, nameof(options.HistoryUrls));
        }

        var assets = ReportAssets.Instance;
        var text = new ReviewText(review);
        var charts = ReviewChartData.From(text);
        var html = new StringBuilder(assets.ChartLibrary.Length + 64 * 1024);
        Head(html, review, assets);
        html.Append("<body>\n<a class=\"skip\" href=\"#main\">Skip to the report</a>\n");
        Masthead(html, review, options);
        Navigation(html, review);
        html.Append("<main id=\"main\" class=\"wrap\">\n");
        Summary(html, text);
        Kpis(html, text, options.HistoryUrls);
        Findings(html, text);
        Gaps(html, text);
        Recommendations(html, text);
        Drivers(html, text);
        Value(html, review.Value);
        Actions(html, review.Actions);
        QualityMonitoring(html, review.QualityMonitoring);
        Themes(html, review);
        QuestionChanges(html, review);
        Answers(html, review);
        Segments(html, text);
        Complaints(html, review.Complaints);
        DataQuality(html, review.Validation);
        Methods(html, review);
        html.Append("</main>\n");
        Footer(html);
        html.Append("<script type=\"application/json\" id=\"review-chart-data\">").Append(charts.ToJson()).Append("</script>\n");
        html.Append("<script>").Append(assets.ChartLibrary).Append("</script>\n");
        html.Append("<script>").Append(assets.Script).Append("</script>\n");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void CheckLink(string? url, string name)
    {
        if (url is null)
        {
            return;
        }

        // A link with no scheme stays within wherever the report is opened; of the schemes, only the web's are allowed.
        var schemeEnd = url.IndexOf(':', StringComparison.Ordinal);
        var pathStart = url.IndexOfAny(['/', '?', '#']);
        var safe = schemeEnd < 0 || (pathStart >= 0 && pathStart < schemeEnd)
            || url[..schemeEnd] is var scheme && (scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase));
        if (!safe)
        {
            throw new ArgumentException($"The link '{url}' must be relative or http(s).", name);
        }
    }

    private static void Head(StringBuilder html, Review review, ReportAssets assets)
    {
        // Nothing on this page may load anything: only the inline style and scripts below run, and the inline icon shows.
        var policy = $"default-src 'none'; script-src {ReportAssets.HashSource(assets.ChartLibrary)} {ReportAssets.HashSource(assets.Script)}; " +
            $"style-src {ReportAssets.HashSource(assets.Style)}; img-src data:; base-uri 'none'; form-action 'none'";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Text(policy).Append("\">\n");
        html.Append("<meta name=\"generator\" content=\"FeedbackBot\">\n").Append(Favicon.Link).Append('\n');
        html.Append("<title>").Text($"Service review: {review.Plan.Name}, {ReviewText.Period(review.Cycle.Start, review.Cycle.End)}").Append("</title>\n");
        html.Append("<style>").Append(assets.Style).Append("</style>\n</head>\n");
    }

    private static void Masthead(StringBuilder html, Review review, HtmlReportOptions options)
    {
        html.Append("<header class=\"masthead\">\n<div class=\"wrap\">\n<p class=\"eyebrow\">Service quality review</p>\n");
        html.Element("h1", review.Plan.Name).Append('\n');
        html.Append("<dl class=\"facts\">");
        Fact(html, "Plan", $"{review.Plan.Id}, version {review.Plan.Version.ToString(CultureInfo.InvariantCulture)}");
        Fact(html, "Cycle", ReviewText.Period(review.Cycle.Start, review.Cycle.End) + (review.Cycle.Provisional ? " (still open: this review is provisional)" : string.Empty));
        Fact(html, "Compared with", review.Cycle.Previous is { } previous ? ReviewText.Period(previous.Start, previous.End) : "no previous cycle");
        Fact(html, "Generated", ReviewText.Instant(options.GeneratedAt));
        html.Append("</dl>\n");
        html.Append("<p class=\"privacy\">").Text($"Groups smaller than {review.Plan.MinimumGroupSize.ToString(CultureInfo.InvariantCulture)} people are never reported: their figures read \u201cnot enough data\u201d.").Append("</p>\n");
        if (options.CsvUrl is not null || options.JsonUrl is not null)
        {
            html.Append("<p class=\"downloads\">Download the figures: ");
            if (options.CsvUrl is not null)
            {
                html.Append("<a class=\"download\" href=\"").Text(options.CsvUrl).Append("\" download>CSV (spreadsheet)</a> ");
            }

            if (options.JsonUrl is not null)
            {
                html.Append("<a class=\"download\" href=\"").Text(options.JsonUrl).Append("\" download>JSON (full review)</a>");
            }

            html.Append("</p>\n");
        }

        html.Append("</div>\n</header>\n");
    }

    private static void Fact(StringBuilder html, string term, string value) =>
        html.Append("<div>").Element("dt", term).Element("dd", value).Append("</div>");

    private static void Navigation(StringBuilder html, Review review)
    {
        var sections = new List<(string Id, string Title)>
        {
            ("summary", "At a glance"), ("kpis", "KPIs"), ("findings", "Strengths and shortfalls"), ("gaps", "Gaps"),
            ("recommendations", "Recommendations"),
        };
        if (review.Drivers is not null)
        {
            sections.Add(("drivers", "Drivers"));
        }

        if (review.Value is not null)
        {
            sections.Add(("value", "What it is worth"));
        }

        if (review.QualityMonitoring is not null)
        {
            sections.Add(("quality", "Quality monitoring"));
        }

        sections.Add(("themes", "Themes"));
        if (review.QuestionChanges is { Count: > 0 })
        {
            sections.Add(("changes", "Changes"));
        }

        if (review.Distributions.Count > 0)
        {
            sections.Add(("answers", "Answers"));
        }

        if (review.Segments.Count > 0)
        {
            sections.Add(("segments", "Segments"));
        }

        if (review.Complaints is not null)
        {
            sections.Add(("complaints", "Complaints"));
        }

        sections.Add(("data", "Data quality"));
        sections.Add(("methods", "Methods"));
        html.Append("<nav class=\"toc\" aria-label=\"Sections\"><div class=\"wrap\"><ul>");
        foreach (var (id, title) in sections)
        {
            html.Append("<li><a href=\"#").Append(id).Append("\">").Text(title).Append("</a></li>");
        }

        html.Append("</ul></div></nav>\n");
    }

    private static void Summary(StringBuilder html, ReviewText text)
    {
        var review = text.Review;
        html.Append("<section id=\"summary\" aria-labelledby=\"summary-title\">\n<h2 id=\"summary-title\">At a glance</h2>\n<ul class=\"glance\">");
        foreach (var status in new[] { KpiStatus.Met, KpiStatus.AtRisk, KpiStatus.Missed, KpiStatus.NotEnoughData })
        {
            var count = review.Metrics.Count(m => m.Status == status);
            html.Append("<li class=\"glance-item\"><span class=\"glance-number\">").Append(count.ToString(CultureInfo.InvariantCulture))
                .Append("</span> ").StatusBadge(status).Append("</li>");
        }

        html.Append("<li class=\"glance-item\"><span class=\"glance-number\">").Text(ReviewText.Count(review.Validation.Usable))
            .Append("</span> ").Element("span", $"usable of {ReviewText.Count(review.Validation.Received)}", "glance-label").Append("</li>");
        var urgent = review.Recommendations.Count(r => string.Equals(r.Priority, "high", StringComparison.OrdinalIgnoreCase));
        html.Append("<li class=\"glance-item\"><span class=\"glance-number\">").Append(review.Recommendations.Count.ToString(CultureInfo.InvariantCulture))
            .Append("</span> ").Element("span", $"recommendations ({urgent.ToString(CultureInfo.InvariantCulture)} high)", "glance-label").Append("</li>");
        html.Append("</ul>\n</section>\n");
    }

    private static void Footer(StringBuilder html) =>
        html.Append("<footer class=\"wrap footer\"><p>Produced by FeedbackBot. Intervals are 95% confidence intervals; a change is marked with its two-sided p-value. ")
            .Append("Charts drawn by Chart.js (MIT licence), embedded in this page: it makes no requests.</p></footer>\n");

    /// <summary>Opens a section with its heading and an optional introduction.</summary>
    private static void OpenSection(StringBuilder html, string id, string title, string? introduction = null)
    {
        html.Append("<section id=\"").Append(id).Append("\" aria-labelledby=\"").Append(id).Append("-title\">\n<h2 id=\"")
            .Append(id).Append("-title\">").Text(title).Append("</h2>\n");
        if (introduction is not null)
        {
            html.Element("p", introduction, "intro").Append('\n');
        }
    }

    private static void CloseSection(StringBuilder html) => html.Append("</section>\n");
}
