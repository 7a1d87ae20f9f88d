using System.Globalization;
using System.Text;
using FeedbackBot.Core.Reviews;

namespace FeedbackBot.Features.Reviews.Rendering;

public static partial class ReviewHtml
{
    private static void Answers(StringBuilder html, Review review)
    {
        if (review.Distributions.Count == 0)
        {
            return;
        }

        OpenSection(html, "answers", "Answers per question", "How the usable responses answered each question, as shares of those who answered it.");
        html.Append("<div class=\"question-list\">\n");
        var index = 0;
        foreach (var question in review.Distributions)
        {
            Question(html, question, index++, review.Plan.MinimumGroupSize);
        }

        html.Append("</div>\n");
        CloseSection(html);
    }

    private static void Question(StringBuilder html, QuestionDistribution question, int index, int minimumGroupSize)
    {
        html.Append("<article class=\"question\">").Element("h3", question.Text);
        var about = new List<string>();
        if (question.Feature is not null)
        {
            about.Add(ReviewText.Words(question.Feature));
        }

        about.Add(QuestionType(question.Type));
        if (question.Suppressed || question.Counts.Count == 0)
        {
            html.Element("p", string.Join(" · ", about), "muted")
                .Element("p", $"Not enough data: fewer than {minimumGroupSize.ToString(CultureInfo.InvariantCulture)} answers.", "suppressed")
                .Append("</article>\n");
            return;
        }

        about.Add($"{ReviewText.Count(question.N)} answers");
        html.Element("p", string.Join(" · ", about), "muted");
        var label = $"{question.Text}: " + string.Join("; ", question.Counts.Select(c => $"{ReviewText.Answer(c)} {ReviewText.Percent(c.Percent)} ({ReviewText.Count(c.Count)})"));
        var bars = question.Type is "choice" or "multichoice";
        html.Append("<figure class=\"chart chart-answers\"><div class=\"canvas-box").Append(bars ? string.Empty : " canvas-strip").Append('"');
        if (bars)
        {
            html.Append(" data-rows=\"").Append(question.Counts.Count.ToString(CultureInfo.InvariantCulture)).Append('"');
        }

        html.Append("><canvas id=\"").Append(ReviewChartData.DistributionCanvas(index)).Append("\" data-chart-kind=\"answers\" role=\"img\" aria-label=\"")
            .Text(label).Append("\">").Text(label).Append("</canvas></div>\n");
        html.Append("<details class=\"chart-data\"><summary>Chart as a table</summary>");
        var columns = TableHead(html, question.Text, "Answer", "#Responses", "#Share");
        foreach (var count in question.Counts)
        {
            TableRow(html, columns, ReviewText.Answer(count), ReviewText.Count(count.Count), ReviewText.Percent(count.Percent));
        }

        html.Append("</tbody></table></details></figure></article>\n");
    }

    private static string QuestionType(string type) => type switch
    {
        "rating5" => "rating 1–5",
        "agree5" => "agreement 1 (strongly disagree) – 5 (strongly agree)",
        "nps" => "likelihood to recommend 0–10",
        "effort7" => "effort 1 (very easy) – 7 (very difficult)",
        "yesno" => "yes or no",
        "choice" => "one choice",
        "multichoice" => "several choices allowed",
        var other => other,
    };
}
