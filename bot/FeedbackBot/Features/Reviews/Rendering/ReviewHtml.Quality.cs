using System.Text;
using FeedbackBot.Core.Reviews;

namespace FeedbackBot.Features.Reviews.Rendering;

public static partial class ReviewHtml
{
    private static void QualityMonitoring(StringBuilder html, QualityMonitoring? quality)
    {
        if (quality is null)
        {
            return;
        }

        OpenSection(html, "quality", "Quality monitoring", QualityMonitoringText.Introduction);
        html.Element("p", QualityMonitoringText.Totals(quality), "validation-line").Append('\n');
        if (quality.Features.Count > 0)
        {
            html.Append("<div class=\"table-scroll\">");
            var columns = TableHead(html, "QA pass rate and customers' score per feature", QualityMonitoringText.FeatureColumns);
            foreach (var feature in quality.Features)
            {
                var cells = QualityMonitoringText.FeatureRow(feature);
                TableRow(html, columns, cells[0], cells[1..]);
            }

            html.Append("</tbody></table></div>\n").Element("p", QualityMonitoringText.GapNote, "muted").Append('\n');
        }

        if (quality.FailedCriteria.Count > 0)
        {
            html.Element("h3", "Most-failed criteria").Append('\n');
            html.Append("<div class=\"table-scroll\">");
            var columns = TableHead(html, "Most-failed criteria", QualityMonitoringText.CriterionColumns);
            foreach (var criterion in quality.FailedCriteria)
            {
                var cells = QualityMonitoringText.CriterionRow(criterion);
                TableRow(html, columns, cells[0], cells[1..]);
            }

            html.Append("</tbody></table></div>\n").Element("p", QualityMonitoringText.CriteriaNote, "muted").Append('\n');
        }

        CloseSection(html);
    }
}
