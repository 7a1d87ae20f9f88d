using System.Globalization;
using System.Text;
using FeedbackBot.Core.Reviews;

namespace FeedbackBot.Features.Reviews.Rendering;

public static partial class ReviewHtml
{
    private static void Kpis(StringBuilder html, ReviewText text, IReadOnlyDictionary<string, string>? historyUrls)
    {
        OpenSection(html, "kpis", "KPIs against their targets",
            "Each KPI with its 95% interval against the agreed standard. Met: the whole interval is on the right side of the target; at risk: the interval contains it; missed: the whole interval is on the wrong side.");
        if (text.Review.Metrics.Count == 0)
        {
            html.Element("p", "The plan has no KPIs.").Append('\n');
            CloseSection(html);
            return;
        }

        html.Append("<div class=\"kpi-grid\">\n");
        var index = 0;
        foreach (var kpi in text.Review.Metrics)
        {
            KpiCard(html, text, kpi, index++, historyUrls?.GetValueOrDefault(kpi.Id));
        }

        html.Append("</div>\n");
        CloseSection(html);
    }

    private static void KpiCard(StringBuilder html, ReviewText text, MetricResult kpi, int index, string? historyUrl)
    {
        var name = ReviewText.Name(kpi);
        var titleId = $"kpi-{index.ToString(CultureInfo.InvariantCulture)}-title";
        html.Append("<article class=\"kpi kpi-").Text(kpi.Status.Replace('_', '-')).Append("\" aria-labelledby=\"").Append(titleId)
            .Append("\" data-kpi=\"").Text(kpi.Id).Append("\">\n<div class=\"kpi-head\"><div><h3 id=\"").Append(titleId).Append("\">").Text(name).Append("</h3>");
        var subtitle = (kpi.Feature is null ? kpi.Id : $"{ReviewText.Words(kpi.Feature)} · {kpi.Id}") + (kpi.N is { } n ? $" · n = {ReviewText.Count(n)}" : "");
        html.Element("p", subtitle, "kpi-sub").Append("</div>").StatusBadge(kpi.Status).Append("</div>\n");

        html.Element("p", kpi.Value is null ? ReviewText.Capitalise(ReviewText.NotEnoughData) : text.Value(kpi.Id, kpi.Value),
            kpi.Value is null ? "kpi-value kpi-value-none" : "kpi-value").Append('\n');
        html.Append("<dl class=\"kpi-facts\">");
        Fact(html, "Target", text.Target(kpi));
        Fact(html, "95% interval", kpi.Ci95 is null ? "–" : text.Interval(kpi.Id, kpi.Ci95));
        Fact(html, "Gap to target", kpi.Gap is null ? "–" : text.Difference(kpi.Id, kpi.Gap));
        html.Append("</dl>\n");
        Change(html, text, kpi);
        html.Element("p", ReviewText.StatusSentence(kpi), "kpi-note kpi-status-text").Append('\n');

        KpiChartFigure(html, text, kpi, index, name);
        if (historyUrl is not null)
        {
            html.Append("<p class=\"kpi-history\"><a href=\"").Text(historyUrl).Append("\">").Text($"History of {name}: every cycle, with control limits").Append("</a></p>\n");
        }

        html.Append("</article>\n");
    }

    private static void Change(StringBuilder html, ReviewText text, MetricResult kpi)
    {
        if (kpi.Previous is null)
        {
            var why = text.Review.Cycle.Previous is null
                ? "No previous cycle to compare with."
                : "No comparable figure from the previous cycle.";
            html.Element("p", why, "change change-flat").Append('\n');
            return;
        }

        if (kpi.Value is null || kpi.Change is null)
        {
            html.Element("p", $"Previous cycle {text.Value(kpi.Id, kpi.Previous)}; no change can be given without this cycle's figure.", "change change-flat").Append('\n');
            return;
        }

        var trend = ReviewText.TrendOf(kpi, kpi.Change);
        var (arrow, word, modifier) = (kpi.Change, trend) switch
        {
            ( > 0, Trend.Better) => ("▲", "better", "better"),
            ( > 0, _) => ("▲", "worse", "worse"),
            ( < 0, Trend.Better) => ("▼", "better", "better"),
            ( < 0, _) => ("▼", "worse", "worse"),
            _ => ("►", "unchanged", "flat"),
        };
        html.Append("<p class=\"change change-").Append(modifier).Append("\"><span class=\"arrow\" aria-hidden=\"true\">").Append(arrow).Append("</span> ")
            .Append("<strong>").Text(text.Difference(kpi.Id, kpi.Change)).Append("</strong> ");

        html.Text($"{word}, from {text.Value(kpi.Id, kpi.Previous)}");
        if (kpi.PValue is not null)
        {
            html.Append(" <span class=\"p\">").Text(ReviewText.PValue(kpi.PValue)).Append("</span>");
        }

        html.Append("</p>\n");
    }

    private static void KpiChartFigure(StringBuilder html, ReviewText text, MetricResult kpi, int index, string name)
    {
        var current = kpi.Value is null
            ? "this cycle: not enough data"
            : $"this cycle {text.Value(kpi.Id, kpi.Value)}" + (kpi.Ci95 is null ? string.Empty : $" (95% interval {text.Interval(kpi.Id, kpi.Ci95)})");
        var previous = kpi.Previous is null ? string.Empty : $", previous cycle {text.Value(kpi.Id, kpi.Previous)}";
        var label = $"{name}: {current}{previous}, against a target of {text.Target(kpi)}; {ReviewText.Status(kpi.Status).ToLowerInvariant()}.";
        html.Append("<figure class=\"chart chart-kpi\"><div class=\"canvas-box\"><canvas id=\"").Append(ReviewChartData.KpiCanvas(index))
            .Append("\" data-chart-kind=\"kpi\" role=\"img\" aria-label=\"").Text(label).Append("\">").Text(label).Append("</canvas></div>\n");
        html.Append("<details class=\"chart-data\"><summary>Chart as a table</summary>");
        var columns = TableHead(html, $"{name} by cycle", "Cycle", "#Value", "95% interval", "Target");
        if (kpi.Previous is not null)
        {
            TableRow(html, columns, "Previous", text.Value(kpi.Id, kpi.Previous), "–", text.Target(kpi));
        }

        TableRow(html, columns, "This cycle", text.Value(kpi.Id, kpi.Value), kpi.Ci95 is null ? "–" : text.Interval(kpi.Id, kpi.Ci95), text.Target(kpi));
        html.Append("</tbody></table></details></figure>\n");
    }

    /// <summary>
    /// Opens a table with its caption and column headers, up to the open tbody; a column written "#Name" holds
    /// figures and is aligned right. Returns which columns hold figures, for <see cref="TableRow"/>.
    /// </summary>
    private static bool[] TableHead(StringBuilder html, string caption, params string[] columns)
    {
        html.Append("<table><caption>").Text(caption).Append("</caption><thead><tr>");
        foreach (var column in columns)
        {
            var figures = column.StartsWith('#');
            html.Append(figures ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">").Text(figures ? column[1..] : column).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        return [.. columns.Select(c => c.StartsWith('#'))];
    }

    /// <summary>A table row whose first cell is the row's header, the others aligned as their columns.</summary>
    private static void TableRow(StringBuilder html, bool[] figures, string header, params string[] cells)
    {
        html.Append("<tr>").Append("<th scope=\"row\">").Text(header).Append("</th>");
        for (var i = 0; i < cells.Length; i++)
        {
            html.Element("td", cells[i], i + 1 < figures.Length && figures[i + 1] ? "num" : null);
        }

        html.Append("</tr>");
    }
}
