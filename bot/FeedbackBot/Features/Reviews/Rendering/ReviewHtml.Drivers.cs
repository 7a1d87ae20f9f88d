using System.Globalization;
using System.Text;
using FeedbackBot.Core.Reviews;

namespace FeedbackBot.Features.Reviews.Rendering;

public static partial class ReviewHtml
{
    // The plot's frame in the SVG's own units; the page scales the whole drawing to its width.
    private const double PlotLeft = 64, PlotRight = 620, PlotTop = 24, PlotBottom = 336;

    private static void Drivers(StringBuilder html, ReviewText text)
    {
        if (text.Review.Drivers is not { } drivers)
        {
            return;
        }

        OpenSection(html, "drivers", DriversText.Heading(text, drivers), DriversText.Introduction(text, drivers));
        Matrix(html, text.Review, drivers);
        html.Append("<div class=\"table-scroll\">");
        var columns = TableHead(html, DriversText.Heading(text, drivers), DriversText.Columns);
        var number = 0;
        foreach (var item in drivers.Items)
        {
            var cells = DriversText.Row(text.Review, item);
            TableRow(html, columns, $"{(++number).ToString(CultureInfo.InvariantCulture)}. {cells[0]}", cells[1..]);
        }

        html.Append("</tbody></table></div>\n");
        html.Element("p", DriversText.Splits(drivers) + " " + DriversText.Caution, "muted").Append('\n');
        CloseSection(html);
    }

    /// <summary>
    /// The importance–performance matrix as inline SVG: drawn here rather than by the chart script, so it needs no
    /// script at all and only presentation attributes and the page's own classes, which the page's policy allows.
    /// Every point is numbered as its table row, and every quadrant is named in words, so nothing rests on colour.
    /// </summary>
    private static void Matrix(StringBuilder html, Review review, Drivers drivers)
    {
        // Correlations of one outcome's questions often lie close together, so the importance axis spans their range
        // with a margin rather than all of -1 to 1, and the points stay apart.
        var low = Math.Max(-1, (Math.Floor(drivers.Items.Min(i => i.Rho) * 10) / 10) - 0.1);
        var high = Math.Min(1, (Math.Ceiling(drivers.Items.Max(i => i.Rho) * 10) / 10) + 0.1);
        double X(double performance) => PlotLeft + (performance / 100 * (PlotRight - PlotLeft));
        double Y(double rho) => PlotBottom - ((rho - low) / (high - low) * (PlotBottom - PlotTop));
        var splitX = X(drivers.PerformanceSplit);
        var splitY = Y(drivers.ImportanceSplit);

        var description = "Importance (correlation with the outcome, up) against performance (share favourable, right). " +
            string.Join("; ", drivers.Items.Select((item, i) =>
                $"{(i + 1).ToString(CultureInfo.InvariantCulture)}. {DriversText.QuestionText(review, item.Question)}: importance {DriversText.Rho(item.Rho)}, {ReviewText.Percent(item.Performance)} favourable, {DriversText.Quadrant(item.Quadrant).ToLowerInvariant()}")) + ".";
        html.Append("<figure class=\"chart chart-drivers\">");
        html.Append("<svg class=\"drivers-matrix\" viewBox=\"0 0 640 380\" role=\"img\" aria-labelledby=\"drivers-matrix-title drivers-matrix-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        html.Append("<title id=\"drivers-matrix-title\">Importance and performance matrix</title>");
        html.Append("<desc id=\"drivers-matrix-desc\">").Text(description).Append("</desc>");

        // The act-first quadrant is shaded and named; the shading only repeats what its name says.
        Rect(html, "quadrant quadrant-act-first", PlotLeft, PlotTop, splitX - PlotLeft, splitY - PlotTop);
        Rect(html, "plot-frame", PlotLeft, PlotTop, PlotRight - PlotLeft, PlotBottom - PlotTop);
        Line(html, "split", splitX, PlotTop, splitX, PlotBottom);
        Line(html, "split", PlotLeft, splitY, PlotRight, splitY);
        Label(html, "quadrant-label quadrant-label-act-first", PlotLeft + 8, PlotTop + 18, "start", "Act first: where to act first");
        Label(html, "quadrant-label", PlotRight - 8, PlotTop + 18, "end", "Keep up");
        Label(html, "quadrant-label", PlotLeft + 8, PlotBottom - 10, "start", "Low priority");
        Label(html, "quadrant-label", PlotRight - 8, PlotBottom - 10, "end", "Possible overkill");

        foreach (var (value, name) in new[] { (0.0, "0%"), (50.0, "50%"), (100.0, "100%") })
        {
            Label(html, "axis-tick", X(value), PlotBottom + 16, "middle", name);
        }

        foreach (var value in new[] { low, (low + high) / 2, high })
        {
            Label(html, "axis-tick", PlotLeft - 6, Y(value) + 4, "end", DriversText.Rho(value));
        }

        Label(html, "axis-title", (PlotLeft + PlotRight) / 2, PlotBottom + 36, "middle", "Performance: share of favourable answers");
        html.Append(Invariant($"<text class=\"axis-title\" transform=\"translate(16 {(PlotTop + PlotBottom) / 2:0.#}) rotate(-90)\" text-anchor=\"middle\">Importance: rho with the outcome</text>"));

        var number = 0;
        foreach (var item in drivers.Items)
        {
            number++;
            var (x, y) = (X(item.Performance), Y(item.Rho));
            html.Append(Invariant($"<g class=\"point point-{item.Quadrant.Replace('_', '-')}\"><circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"11\"><title>"))
                .Text($"{DriversText.QuestionText(review, item.Question)}: importance {DriversText.Rho(item.Rho)}, {ReviewText.Percent(item.Performance)} favourable")
                .Append("</title></circle>");
            html.Append(Invariant($"<text x=\"{x:0.#}\" y=\"{y + 4:0.#}\" text-anchor=\"middle\" aria-hidden=\"true\">{number}</text></g>"));
        }

        html.Append("</svg>");
        html.Element("figcaption", "Each number is a question of the table below; the upper left is where to act first.", "muted");
        html.Append("</figure>\n");
    }

    private static void Rect(StringBuilder html, string cssClass, double x, double y, double width, double height) =>
        html.Append(Invariant($"<rect class=\"{cssClass}\" x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{Math.Max(0, width):0.#}\" height=\"{Math.Max(0, height):0.#}\"/>"));

    private static void Line(StringBuilder html, string cssClass, double x1, double y1, double x2, double y2) =>
        html.Append(Invariant($"<line class=\"{cssClass}\" x1=\"{x1:0.#}\" y1=\"{y1:0.#}\" x2=\"{x2:0.#}\" y2=\"{y2:0.#}\"/>"));

    private static void Label(StringBuilder html, string cssClass, double x, double y, string anchor, string text) =>
        html.Append(Invariant($"<text class=\"{cssClass}\" x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"{anchor}\">")).Text(text).Append("</text>");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
