using System.Globalization;
using System.Text;
using FeedbackBot.Core.Reviews;

namespace FeedbackBot.Features.Reviews.Rendering;

public static partial class ReviewHtml
{
    // The Pareto chart's drawing area, in the SVG's own units; it scales with the page.
    private const double ParetoWidth = 640;
    private const double ParetoHeight = 280;
    private const double ParetoLeft = 48;
    private const double ParetoRight = 52;
    private const double ParetoTop = 28;
    private const double ParetoBottom = 28;

    private static void ComplaintPatterns(StringBuilder html, ComplaintReport complaints)
    {
        if (complaints.Pareto is { Count: > 0 } pareto)
        {
            html.Element("h3", "Pareto of categories");
            ParetoChart(html, pareto);
            var columns = TableHead(html, "Complaint categories by count, with their cumulative share; the vital few make up 80% of complaints",
                "Category", "#Complaints", "#Share", "#Cumulative share", "Vital few");
            foreach (var category in pareto)
            {
                TableRow(html, columns, ReviewText.Capitalise(ReviewText.Words(category.Category)), ReviewText.Count(category.Count),
                    ReviewText.Percent(category.Share), ReviewText.Percent(category.CumulativeShare), category.VitalFew ? "yes" : "–");
            }

            html.Append("</tbody></table>\n");
            html.Element("p", ComplaintPatternText.VitalFew(pareto)).Append('\n');
        }

        if (complaints.Trends is { Count: > 0 } trends && trends[0].Cycles.Count > 1)
        {
            html.Element("h3", "Categories over the cycles");
            var columns = TableHead(html,
                $"Complaints per cycle, {ComplaintPatternText.Cycles(trends)}; p tests the change in complaints per day on the previous cycle (exact Poisson rate test)",
                "Category", "Per cycle", "#Change", "#Rate ratio", "#p");
            foreach (var trend in trends)
            {
                TableRow(html, columns, ReviewText.Capitalise(ReviewText.Words(trend.Category)), ComplaintPatternText.Counts(trend),
                    trend.Change is { } change ? ReviewText.CountChange(change) : "–", ComplaintPatternText.RateRatio(trend.RateRatio),
                    ReviewText.PValueFigure(trend.PValue));
            }

            html.Append("</tbody></table>\n");
        }

        if (complaints.Resolution is { } resolution)
        {
            html.Element("p", ComplaintPatternText.Resolution(resolution)).Append('\n');
        }

        if (ComplaintPatternText.PerThousand(complaints) is { } rate)
        {
            html.Element("p", rate).Append('\n');
        }
    }

    /// <summary>
    /// Bars of each category's count with the cumulative share as a line, drawn as inline SVG: the page's policy lets no
    /// script but its own run, and an SVG needs none. Colours come from classes, since the policy forbids style attributes.
    /// </summary>
    private static void ParetoChart(StringBuilder html, IReadOnlyList<ParetoCategory> pareto)
    {
        var inv = CultureInfo.InvariantCulture;
        var plotWidth = ParetoWidth - ParetoLeft - ParetoRight;
        var plotHeight = ParetoHeight - ParetoTop - ParetoBottom;
        var bottom = ParetoTop + plotHeight;
        var max = pareto.Max(p => p.Count);
        var slot = plotWidth / pareto.Count;
        var description = "Complaints per category, most first, with the cumulative share: " + string.Join("; ", pareto.Select(p =>
            $"{p.Category} {p.Count} ({ReviewText.Percent(p.Share)}, cumulative {ReviewText.Percent(p.CumulativeShare)}{(p.VitalFew ? ", vital few" : "")})"));

        html.Append(inv, $"<figure class=\"chart chart-pareto\"><svg class=\"pareto\" viewBox=\"0 0 {ParetoWidth} {ParetoHeight}\" role=\"img\" aria-labelledby=\"pareto-title pareto-desc\">");
        html.Append("<title id=\"pareto-title\">Pareto of complaint categories</title><desc id=\"pareto-desc\">").Text(description).Append("</desc>");
        html.Append("<g aria-hidden=\"true\">");
        foreach (var tick in new[] { 0, 20, 40, 60, 80, 100 })
        {
            var y = bottom - (plotHeight * tick / 100.0);
            html.Append(inv, $"<line class=\"pareto-grid{(tick == 80 ? " pareto-80" : "")}\" x1=\"{ParetoLeft}\" x2=\"{ParetoLeft + plotWidth}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\"></line>");
            html.Append(inv, $"<text class=\"pareto-axis\" x=\"{ParetoLeft + plotWidth + 6}\" y=\"{y + 4:0.#}\">{tick}%</text>");
            html.Append(inv, $"<text class=\"pareto-axis pareto-count\" x=\"{ParetoLeft - 6}\" y=\"{y + 4:0.#}\">{max * tick / 100.0:0.#}</text>");
        }

        var points = new List<string>();
        for (var i = 0; i < pareto.Count; i++)
        {
            var category = pareto[i];
            var height = plotHeight * category.Count / max;
            var x = ParetoLeft + (i * slot) + (slot * 0.15);
            var centre = ParetoLeft + (i * slot) + (slot / 2);
            html.Append(inv, $"<rect class=\"{(category.VitalFew ? "pareto-bar pareto-vital" : "pareto-bar")}\" x=\"{x:0.#}\" y=\"{bottom - height:0.#}\" width=\"{slot * 0.7:0.#}\" height=\"{height:0.#}\"></rect>");
            html.Append(inv, $"<text class=\"pareto-label\" x=\"{centre:0.#}\" y=\"{bottom + 16:0.#}\">").Text(Shorten(category.Category)).Append("</text>");
            var y = bottom - (plotHeight * category.CumulativeShare / 100);
            points.Add(string.Create(inv, $"{centre:0.#},{y:0.#}"));
            html.Append(inv, $"<circle class=\"pareto-point\" cx=\"{centre:0.#}\" cy=\"{y:0.#}\" r=\"3\"></circle>");
        }

        html.Append("<polyline class=\"pareto-line\" points=\"").Append(string.Join(' ', points)).Append("\"></polyline>");
        html.Append("<text class=\"pareto-axis\" x=\"0\" y=\"12\">Complaints</text>");
        html.Append(inv, $"<text class=\"pareto-axis pareto-count\" x=\"{ParetoWidth}\" y=\"12\">Cumulative share</text>");
        html.Append("</g></svg><figcaption>Bars: complaints per category (the vital few darker). Line: cumulative share; the dashed line is 80%.</figcaption></figure>\n");
    }

    private static string Shorten(string category)
    {
        var words = ReviewText.Words(category);
        return words.Length <= 14 ? words : words[..13] + "…";
    }

    private static void Sources(StringBuilder html, IReadOnlyList<SourceCheck>? sources)
    {
        if (sources is not { Count: > 0 })
        {
            return;
        }

        html.Element("h3", "Imported sources").Append("<ul class=\"sources\">");
        foreach (var source in sources)
        {
            html.Append("<li>").Element("strong", $"{source.Source}: {ComplaintPatternText.Trust(source.Trust)}").Text(" — " + source.Reason);
            var details = ComplaintPatternText.Details(source).ToList();
            if (details.Count > 0)
            {
                html.Append("<ul>");
                foreach (var detail in details)
                {
                    html.Element("li", detail);
                }

                html.Append("</ul>");
            }

            html.Append("</li>");
        }

        html.Append("</ul>\n");
    }
}
