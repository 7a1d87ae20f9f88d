using System.Globalization;
using System.Text;
using FeedbackBot.Core.History;
using FeedbackBot.Core.Reviews;
using FeedbackBot.Features.Cycles;
using FeedbackBot.Features.Reviews.Rendering;

namespace FeedbackBot.Features.History;

/// <summary>
/// A KPI's history as one self-contained page: the control chart as inline SVG drawn here, and the same figures in a
/// table beneath for screen readers and copying. Like the review's report it uses the review's style sheet inline
/// under a Content-Security-Policy that forbids every request and every script, so it works from disk or an e-mail.
/// </summary>
internal static class HistoryHtml
{
    private const int Width = 760;
    private const int Height = 320;
    private const int Left = 64;
    private const int Right = 24;
    private const int Top = 20;
    private const int Bottom = 56;
    private const string SignalColour = "#b42318";

    /// <summary>
    /// What the page allows: its own inline style sheet and data: images, nothing else. No script, so the SVG is drawn
    /// here rather than by the report's chart library; its colours are presentation attributes, which style-src does
    /// not govern.
    /// </summary>
    public static string ContentSecurityPolicy =>
        $"default-src 'none'; style-src {ReportAssets.HashSource(ReportAssets.Instance.Style)}; img-src data:; base-uri 'none'; form-action 'none'";

    /// <summary>Writes the page; <paramref name="reviewUrl"/> is the review report it was opened from, to link back to, if any.</summary>
    public static string Render(KpiHistory history, string planName, DateTime generatedAt, string? reviewUrl = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        var chart = history.Chart;
        var style = ReportAssets.Instance.Style;
        var policy = ContentSecurityPolicy;
        var title = $"{history.Name} over time: {planName}";
        var html = new StringBuilder(32 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Text(policy).Append("\">\n");
        html.Append("<meta name=\"generator\" content=\"FeedbackBot\">\n").Append(Favicon.Link).Append('\n');
        html.Append("<title>").Text(title).Append("</title>\n<style>").Append(style).Append("</style>\n</head>\n<body>\n");
        html.Append("<header class=\"masthead\">\n<div class=\"wrap\">\n<p class=\"eyebrow\">KPI history</p>\n").Element("h1", title).Append('\n');
        html.Append("<dl class=\"facts\">");
        Fact(html, "Plan", chart.Plan);
        Fact(html, "KPI", chart.Kpi);
        Fact(html, "Chart", chart.Kind == ChartKind.P ? "p-chart (centre: pooled share; limits ± 3 standard errors at each cycle's n)" : "individuals chart (centre: mean of the cycles; limits ± 2.66 × mean moving range)");
        Fact(html, "Generated", generatedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        html.Append("</dl>\n");
        if (reviewUrl is not null)
        {
            html.Append("<p class=\"downloads\"><a class=\"download\" href=\"").Text(reviewUrl).Append("\">Back to the review</a></p>\n");
        }

        html.Append("</div>\n</header>\n<main id=\"main\" class=\"wrap\">\n<section>\n<h2>Control chart</h2>\n");
        html.Append("<p class=\"intro\">").Text(Summary(history)).Append("</p>\n");

        // A review links every KPI of its plan here, including one that never had enough answers: say so, not fail.
        if (chart.Points.Count > 0)
        {
            Svg(html, history);
            Table(html, history);
        }

        html.Append("</section>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Summary(KpiHistory history)
    {
        var points = history.Chart.Points;
        var signals = points.Count(p => p.Signal);
        var text = points.Count == 0
            ? "No completed cycle has a figure for this KPI yet, so there is nothing to chart."
            : string.Create(CultureInfo.InvariantCulture, $"{points.Count} completed cycle(s). ") + (signals == 0
                ? "No signals: the cycles vary within what chance alone explains."
                : string.Create(CultureInfo.InvariantCulture, $"{signals} cycle(s) signal a real change (marked in red): beyond a limit, or part of a run of eight on one side of the centre line."));
        if (history.Withheld.Count > 0)
        {
            text += " Left out, without a figure in their review: " + string.Join(", ", history.Withheld.Select(c => CycleDates.Describe(c.Start, c.End))) + ".";
        }

        return text;
    }

    private static void Svg(StringBuilder html, KpiHistory history)
    {
        var points = history.Chart.Points;
        var metric = history.Kpi.Metric;
        var all = points.SelectMany(p => new[] { p.Value, p.Ci95[0], p.Ci95[1], p.Center })
            .Concat(points.Where(p => p.Ucl is not null).SelectMany(p => new[] { p.Ucl!.Value, p.Lcl!.Value }))
            .ToList();
        var (low, high) = (all.Min(), all.Max());
        var pad = high > low ? (high - low) * 0.08 : 1;
        (low, high) = (low - pad, high + pad);
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var step = (double)plotWidth / points.Count;
        double X(int i) => Left + ((i + 0.5) * step);
        double Y(double v) => Top + ((high - v) / (high - low) * plotHeight);

        html.Append(Invariant($"<svg class=\"chart\" role=\"img\" aria-labelledby=\"chart-title\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">\n"));
        html.Append("<title id=\"chart-title\">").Text($"{history.Name} per cycle with centre line and control limits; signals in red. The table below has the same figures.").Append("</title>\n");

        for (var t = 0; t <= 4; t++)
        {
            var v = low + ((high - low) * t / 4);
            html.Append(Invariant($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(v):0.#}\" y2=\"{Y(v):0.#}\" stroke=\"#e4e7ec\"/>"));
            html.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{Y(v) + 4:0.#}\" text-anchor=\"end\" font-size=\"11\" fill=\"#475467\">")).Text(MetricNames.Format(metric, v)).Append("</text>\n");
        }

        // Limits are drawn as steps: on a p-chart each cycle has its own, from its own n.
        if (points.All(p => p.Ucl is not null))
        {
            Steps(html, points.Select(p => p.Ucl!.Value).ToList(), X, Y, step, "UCL");
            Steps(html, points.Select(p => p.Lcl!.Value).ToList(), X, Y, step, "LCL");
        }

        var centre = Y(points[0].Center);
        html.Append(Invariant($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{centre:0.#}\" y2=\"{centre:0.#}\" stroke=\"#344054\" stroke-width=\"1.5\"/>"));
        html.Append(Invariant($"<text x=\"{Width - Right}\" y=\"{centre - 4:0.#}\" text-anchor=\"end\" font-size=\"11\" fill=\"#344054\">")).Text("centre " + MetricNames.Format(metric, points[0].Center)).Append("</text>\n");

        html.Append("<polyline fill=\"none\" stroke=\"#1d4ed8\" stroke-width=\"2\" points=\"")
            .Append(string.Join(' ', points.Select((p, i) => Invariant($"{X(i):0.#},{Y(p.Value):0.#}")))).Append("\"/>\n");
        var labelEvery = Math.Max(1, (int)Math.Ceiling(points.Count / 10.0));
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            html.Append(Invariant($"<line x1=\"{X(i):0.#}\" x2=\"{X(i):0.#}\" y1=\"{Y(p.Ci95[0]):0.#}\" y2=\"{Y(p.Ci95[1]):0.#}\" stroke=\"#98a2b3\"/>"));
            html.Append(Invariant($"<circle class=\"{(p.Signal ? "point signal" : "point")}\" cx=\"{X(i):0.#}\" cy=\"{Y(p.Value):0.#}\" r=\"{(p.Signal ? 6 : 4)}\" fill=\"{(p.Signal ? SignalColour : "#1d4ed8")}\">"));
            html.Append("<title>").Text(Describe(p, metric)).Append("</title></circle>\n");
            if (i % labelEvery == 0)
            {
                html.Append(Invariant($"<text x=\"{X(i):0.#}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#475467\">"))
                    .Text(p.CycleStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</text>\n");
            }
        }

        // An action is drawn where it went live: before the first cycle that started on or after that day.
        foreach (var (number, title, on) in history.Actions)
        {
            var first = points.TakeWhile(p => DateOnly.FromDateTime(p.CycleStart) < on).Count();
            var x = Left + (first * step);
            html.Append(Invariant($"<line class=\"action\" x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{Top}\" y2=\"{Height - Bottom}\" stroke=\"#7a5af8\" stroke-dasharray=\"4 3\"><title>"))
                .Text(Invariant($"Action {number} went live on {on:yyyy-MM-dd}: {title}")).Append("</title></line>");
            html.Append(Invariant($"<text x=\"{x + 3:0.#}\" y=\"{Top + 10}\" font-size=\"11\" fill=\"#7a5af8\">")).Text(Invariant($"action {number}")).Append("</text>\n");
        }

        html.Append(Invariant($"<text x=\"{Left + (plotWidth / 2)}\" y=\"{Height - 12}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#344054\">Cycle start</text>\n"));
        html.Append("</svg>\n");
    }

    private static void Steps(StringBuilder html, List<double> limits, Func<int, double> x, Func<double, double> y, double step, string label)
    {
        var corners = limits.SelectMany((v, i) => new[] { Invariant($"{x(i) - (step / 2):0.#},{y(v):0.#}"), Invariant($"{x(i) + (step / 2):0.#},{y(v):0.#}") });
        html.Append("<polyline class=\"limit\" fill=\"none\" stroke=\"").Append(SignalColour).Append("\" stroke-dasharray=\"6 4\" points=\"")
            .Append(string.Join(' ', corners)).Append("\"/>");
        html.Append(Invariant($"<text x=\"{x(0) - (step / 2) + 4:0.#}\" y=\"{y(limits[0]) - 4:0.#}\" font-size=\"11\" fill=\"{SignalColour}\">{label}</text>\n"));
    }

    private static void Table(StringBuilder html, KpiHistory history)
    {
        var metric = history.Kpi.Metric;
        string F(double? v) => v is { } value ? MetricNames.Format(metric, value) : "none";
        html.Append("<div class=\"table-scroll\">\n<table>\n<caption>").Text($"{history.Name} per completed cycle").Append("</caption>\n");
        html.Append("<thead><tr><th scope=\"col\">Cycle</th><th scope=\"col\" class=\"num\">Value</th><th scope=\"col\" class=\"num\">n</th>" +
            "<th scope=\"col\">95% interval</th><th scope=\"col\" class=\"num\">Centre</th><th scope=\"col\" class=\"num\">LCL</th>" +
            "<th scope=\"col\" class=\"num\">UCL</th><th scope=\"col\">Signal</th></tr></thead>\n<tbody>\n");
        foreach (var p in history.Chart.Points)
        {
            html.Append(p.Signal ? "<tr class=\"signal\">" : "<tr>");
            html.Append("<th scope=\"row\">").Text(CycleDates.Describe(p.CycleStart, p.CycleEnd)).Append("</th>");
            html.Append("<td class=\"num\">").Text(F(p.Value)).Append("</td>");
            html.Append("<td class=\"num\">").Text(p.N.ToString(CultureInfo.InvariantCulture)).Append("</td>");
            html.Append("<td>").Text($"{F(p.Ci95[0])} to {F(p.Ci95[1])}").Append("</td>");
            html.Append("<td class=\"num\">").Text(F(p.Center)).Append("</td>");
            html.Append("<td class=\"num\">").Text(F(p.Lcl)).Append("</td>");
            html.Append("<td class=\"num\">").Text(F(p.Ucl)).Append("</td>");
            html.Append("<td>").Text(p.Signal ? "Yes: " + HistoryText.Signal(p) : "No").Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n");
    }

    private static string Describe(ChartPoint p, Core.Plans.KpiMetric metric) =>
        $"{CycleDates.Describe(p.CycleStart, p.CycleEnd)}: {MetricNames.Format(metric, p.Value)} (n {p.N.ToString(CultureInfo.InvariantCulture)})" +
        (p.Signal ? "; signal: " + HistoryText.Signal(p) : string.Empty);

    private static void Fact(StringBuilder html, string term, string value) =>
        html.Append("<div>").Element("dt", term).Element("dd", value).Append("</div>");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
