using System.Globalization;
using System.Text;
using FeedbackBot.Core.Reviews;

namespace FeedbackBot.Features.Reviews.Rendering;

public static partial class ReviewHtml
{
    private static void Findings(StringBuilder html, ReviewText text)
    {
        OpenSection(html, "findings", "Strengths and shortfalls");
        html.Append("<div class=\"two-col\">\n");
        FindingList(html, text, "Strengths", "strengths", text.Review.Strengths, text.Empty("No strengths stand out in this cycle."));
        FindingList(html, text, "Shortfalls", "shortfalls", text.Review.Shortfalls, text.Empty("Nothing falls short in this cycle."));
        html.Append("</div>\n");
        CloseSection(html);
    }

    private static void FindingList(StringBuilder html, ReviewText text, string title, string modifier, IReadOnlyList<Finding> findings, string none)
    {
        html.Append("<div class=\"findings findings-").Append(modifier).Append("\">").Element("h3", title).Append('\n');
        if (findings.Count == 0)
        {
            html.Element("p", none, "empty").Append("</div>\n");
            return;
        }

        html.Append("<ul class=\"finding-list\">\n");
        foreach (var finding in findings)
        {
            html.Append("<li class=\"finding\">").Element("span", FindingKind(finding.Kind), "tag");
            if (finding.Feature is not null)
            {
                html.Append(' ').Element("span", ReviewText.Words(finding.Feature), "tag tag-quiet");
            }

            html.Element("p", finding.Title, "finding-title").Element("p", text.Evidence(finding.Evidence), "evidence")
                .Quotes(finding.Evidence.Quotes).Append("</li>\n");
        }

        html.Append("</ul>\n</div>\n");
    }

    private static string FindingKind(string kind) => kind switch
    {
        "met_with_margin" => "Met with margin",
        "improved" => "Improved",
        "missed" => "Missed target",
        "worsened" => "Worsened",
        "theme" => "Theme in comments",
        "qa_criterion" => "QA criterion",
        "top_box" => "Top answers",
        "praise" => "Praise logged by staff",
        var other => ReviewText.Capitalise(ReviewText.Words(other)),
    };

    private static void Gaps(StringBuilder html, ReviewText text)
    {
        OpenSection(html, "gaps", "Gaps between sources",
            "Where customers, staff and the complaints log see the same feature differently. Differences are in points of a 0–100 scale.");
        if (text.Review.Gaps.Count == 0)
        {
            html.Element("p", text.Empty("The sources agree: no gaps found."), "empty").Append('\n');
            CloseSection(html);
            return;
        }

        html.Append("<div class=\"card-list\">\n");
        foreach (var gap in text.Review.Gaps)
        {
            var (first, second) = gap.Kind switch
            {
                "staff_vs_customer" => ("Customers", "Staff"),
                "complaints_vs_survey" => ("Complaints", "Survey comments"),
                "qa_vs_customer" => ("Customers", "QA evaluations"),
                _ => ("First source", "Second source"),
            };
            html.Append("<article class=\"card gap\">").Element("span", ReviewText.Words(gap.Feature), "tag tag-quiet").Element("h3", gap.Title);
            var difference = gap.Difference.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " points";
            var p = gap.PValue is null ? string.Empty : $" ({ReviewText.PValue(gap.PValue)})";
            html.Element("p", $"Difference {difference}{p}", "gap-difference");
            var columns = TableHead(html, $"{gap.Title}: each source's figures", "Source", "What it shows");
            TableRow(html, columns, first, text.Evidence(gap.First));
            TableRow(html, columns, second, text.Evidence(gap.Second));
            html.Append("</tbody></table></article>\n");
        }

        html.Append("</div>\n");
        CloseSection(html);
    }

    private static void Actions(StringBuilder html, IReadOnlyList<ActionOutcome>? actions)
    {
        if (actions is null)
        {
            return;
        }

        OpenSection(html, "actions", "Improvement actions", "What each action implemented before this cycle did to its KPI: the answers since it went live against those before it.");
        html.Append("<ul class=\"actions\">\n");
        foreach (var action in actions)
        {
            html.Append("<li class=\"card\">")
                .Element("h3", string.Create(CultureInfo.InvariantCulture, $"Action {action.Id}: {action.Title}"))
                .Element("p", ReviewMarkdown.ActionSentence(action))
                .Append("</li>\n");
        }

        html.Append("</ul>\n");
        CloseSection(html);
    }

    private static void Recommendations(StringBuilder html, ReviewText text)
    {
        OpenSection(html, "recommendations", "Recommendations",
            "What to do next, most important first. Each rests on the evidence shown and names who should own it, how to tell it worked, and when to check.");
        if (text.Review.Recommendations.Count == 0)
        {
            html.Element("p", text.Empty("No recommendations: every KPI is on target and no theme stands out."), "empty").Append('\n');
            CloseSection(html);
            return;
        }

        html.Append("<ol class=\"recommendations\">\n");
        foreach (var recommendation in text.Review.Recommendations)
        {
            var priority = recommendation.Priority.ToLowerInvariant() switch
            {
                "high" => "high",
                "medium" => "medium",
                _ => "low",
            };
            html.Append("<li class=\"card recommendation recommendation-").Append(priority).Append("\"><div class=\"recommendation-head\">")
                .Element("span", $"{ReviewText.Priority(recommendation.Priority)} priority", $"priority priority-{priority}");
            if (recommendation.Feature is not null)
            {
                html.Append(' ').Element("span", ReviewText.Words(recommendation.Feature), "tag tag-quiet");
            }

            if (recommendation.Theme is not null)
            {
                html.Append(' ').Element("span", "theme: " + ReviewText.Words(recommendation.Theme), "tag tag-quiet");
            }

            html.Append("</div>").Element("h3", recommendation.Title).Element("p", recommendation.Action, "action");
            html.Append("<dl class=\"recommendation-facts\">");
            Fact(html, "Evidence", text.Evidence(recommendation.Evidence));
            Fact(html, "Owner", recommendation.OwnerRole);
            Fact(html, "Success criterion", recommendation.SuccessCriterion);
            Fact(html, "Review by", ReviewText.Day(recommendation.ReviewBy));
            if (recommendation.ActedOn is { } actedOn)
            {
                Fact(html, "Being acted on", string.Create(CultureInfo.InvariantCulture, $"action {actedOn.Action} ({actedOn.Status.Replace('_', ' ')})"));
            }

            if (recommendation.Driver is { } driver)
            {
                Fact(html, "Raised", DriversText.Raised(text.Review, driver));
            }

            if (recommendation.ValueIfMet is { } worth && text.Review.Value is { } value)
            {
                Fact(html, "Worth", ValueText.IfMet(value.Currency, worth));
            }

            html.Append("</dl>").Quotes(recommendation.Evidence.Quotes).Append("</li>\n");
        }

        html.Append("</ol>\n");
        CloseSection(html);
    }
}
