using System.Text;
using FeedbackBot.Core.Reviews;

namespace FeedbackBot.Features.Reviews.Rendering;

public static partial class ReviewHtml
{
    private static void QuestionChanges(StringBuilder html, Review review)
    {
        if (review.QuestionChanges is not { Count: > 0 } changes)
        {
            return;
        }

        OpenSection(html, "changes", "Change on the previous cycle, per question", QuestionChangeText.Introduction);
        var headings = QuestionChangeText.Headings;
        var columns = TableHead(html, "Each question's change on the previous cycle", [headings[0], .. headings.Skip(1).Select(h => "#" + h)]);
        foreach (var change in changes)
        {
            var cells = QuestionChangeText.Cells(review, change);
            TableRow(html, columns, cells[0], cells[1..]);
        }

        html.Append("</tbody></table>\n");
        CloseSection(html);
    }
}
