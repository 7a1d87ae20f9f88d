using System.Text;
using FeedbackBot.Core.Reviews;

namespace FeedbackBot.Features.Reviews.Rendering;

public static partial class ReviewHtml
{
    private static void Value(StringBuilder html, ValueAtStake? value)
    {
        if (value is null)
        {
            return;
        }

        OpenSection(html, "value", ValueText.Heading, ValueText.Introduction);
        var lines = ValueText.Lines(value);
        if (lines.Count == 0)
        {
            html.Element("p", ValueText.NoFigures, "empty").Append('\n');
            CloseSection(html);
            return;
        }

        html.Append("<div class=\"table-scroll\">");
        TableHead(html, "What the cycle's figures are worth", "Figure", "Amount", "Worked out as");
        foreach (var (name, amount, formula) in lines)
        {
            html.Append("<tr><th scope=\"row\">").Text(name).Append("</th>").Element("td", amount).Element("td", formula).Append("</tr>\n");
        }

        html.Append("</tbody></table></div>\n");
        CloseSection(html);
    }

    private static void Methods(StringBuilder html, Review review)
    {
        OpenSection(html, "methods", ReviewMethods.Heading, ReviewMethods.Introduction);
        html.Append("<dl class=\"methods\">\n");
        foreach (var entry in ReviewMethods.For(review))
        {
            html.Element("dt", entry.Figures).Append("<dd>").Element("p", entry.Method).Element("p", entry.Why)
                .Append("<p><strong>Limits:</strong> ").Text(entry.Limits).Append("</p></dd>\n");
        }

        html.Append("</dl>\n");
        CloseSection(html);
    }
}
