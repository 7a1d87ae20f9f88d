using System.Globalization;
using FeedbackBot.Core.Reviews;

namespace FeedbackBot.Features.Reviews.Rendering;

/// <summary>
/// The cells of a question's change on the previous cycle, shared by the Markdown and HTML reports: the question's
/// wording, its value and the previous one in its unit (a mean, or % yes), the signed change, p and the effect size.
/// </summary>
internal static class QuestionChangeText
{
    /// <summary>The column headings, in the order of <see cref="Cells"/>.</summary>
    public static readonly string[] Headings = ["Question", "This cycle", "Previous", "Change", "p", "Effect size", "n"];

    /// <summary>What the table says it shows.</summary>
    public const string Introduction =
        "Each scale and yes/no question against the previous cycle: means compared with Welch's t test (effect size Cohen's d), "
        + "shares of yes with the two-proportion z test (Cohen's h), as the KPI trends are. Questions with fewer answers than the "
        + "smallest group reported in either cycle are left out.";

    /// <summary>The row of one question.</summary>
    public static string[] Cells(Review review, QuestionChange change)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(change);
        var question = review.Distributions.FirstOrDefault(d => string.Equals(d.Question, change.Question, StringComparison.Ordinal));
        var yesNo = question?.Type == "yesno";
        string Value(double v) => yesNo ? ReviewText.Percent(v) + " yes" : v.ToString("0.00", CultureInfo.InvariantCulture);
        var difference = yesNo
            ? change.Change.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " pts"
            : change.Change.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);
        var effect = (yesNo ? "h = " : "d = ") + change.EffectSize.ToString("0.00", CultureInfo.InvariantCulture);
        return
        [
            question?.Text ?? change.Question, Value(change.Value), Value(change.Previous), difference,
            ReviewText.PValueFigure(change.PValue), effect, ReviewText.Count(change.N),
        ];
    }
}
