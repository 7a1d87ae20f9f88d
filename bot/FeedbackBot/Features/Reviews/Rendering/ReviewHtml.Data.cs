using System.Text;
using FeedbackBot.Core.Reviews;

namespace FeedbackBot.Features.Reviews.Rendering;

public static partial class ReviewHtml
{
    private static void Segments(StringBuilder html, ReviewText text)
    {
        if (text.Review.Segments.Count == 0)
        {
            return;
        }

        OpenSection(html, "segments", "KPIs by segment", "Segments with fewer respondents than the minimum group size show \u201cnot enough data\u201d.");
        html.Append("<div class=\"table-scroll\">");
        TableHead(html, "KPIs per segment", "KPI", "Segment", "#Value", "95% interval", "#Answers", "Status");
        foreach (var segment in text.Review.Segments)
        {
            var kpi = text.Kpi(segment.Kpi);
            html.Append("<tr>").Element("td", kpi is null ? segment.Kpi : ReviewText.Name(kpi)).Append("<th scope=\"row\">").Text(segment.Segment).Append("</th>")
                .Element("td", text.Value(segment.Kpi, segment.Value), segment.Value is null ? "num muted" : "num")
                .Element("td", segment.Ci95 is null ? "–" : text.Interval(segment.Kpi, segment.Ci95))
                .Element("td", segment.N is { } n ? ReviewText.Count(n) : "–", "num")
                .Append("<td>").StatusBadge(segment.Status).Append("</td></tr>\n");
        }

        html.Append("</tbody></table></div>\n");
        CloseSection(html);
    }

    private static void DataQuality(StringBuilder html, ValidationReport validation)
    {
        OpenSection(html, "data", "Data quality", "What was collected, what could be used, and how well the usable responses represent the people they stand for.");
        var excluded = validation.Excluded.Values.Sum();
        html.Append("<dl class=\"stat-row\">");
        Fact(html, "Received", ReviewText.Count(validation.Received));
        Fact(html, "Usable", validation.Received == 0
            ? ReviewText.Count(validation.Usable)
            : $"{ReviewText.Count(validation.Usable)} ({ReviewText.Share(validation.Usable, validation.Received)})");
        Fact(html, "Excluded", ReviewText.Count(excluded));
        Fact(html, "Straight-liners", $"{ReviewText.Count(validation.StraightLiners)} ({(validation.StraightLinersExcluded ? "excluded" : "kept")})");
        html.Append("</dl>\n");
        html.Element("p", $"Usable {ReviewText.Count(validation.Usable)} of {ReviewText.Count(validation.Received)} received.", "validation-line").Append('\n');

        html.Append("<div class=\"two-col\">\n<div>");
        if (validation.Excluded.Count > 0)
        {
            var columns = TableHead(html, "Responses excluded, by reason", "Reason", "#Responses");
            foreach (var (reason, count) in validation.Excluded)
            {
                TableRow(html, columns, ReviewText.ExclusionReason(reason), ReviewText.Count(count));
            }

            html.Append("</tbody></table>");
        }
        else
        {
            html.Element("p", "No response had to be excluded.", "empty");
        }

        html.Append("</div>\n<div>");
        var representativeness = validation.Representativeness;
        html.Element("h3", "Representativeness").Element("p", RepresentativenessText.Summary(representativeness));
        if (representativeness.Segments.Count > 0)
        {
            var columns = TableHead(html, "Segment mix of the usable sample against the population", "Segment", "#Population share", "#Sample share", "#Respondents");
            foreach (var share in representativeness.Segments)
            {
                TableRow(html, columns, share.Segment, ReviewText.Percent(share.ExpectedShare),
                    share.ObservedShare is { } observed ? ReviewText.Percent(observed) : ReviewText.NotEnoughData,
                    share.Respondents is { } respondents ? ReviewText.Count(respondents) : ReviewText.NotEnoughData);
            }

            html.Append("</tbody></table>");
        }

        html.Append("</div>\n</div>\n");
        Sources(html, validation.Sources);
        CloseSection(html);
    }
}
