using System.Globalization;
using FeedbackBot.Core.Reviews;

namespace FeedbackBot.Features.Reviews.Rendering;

/// <summary>The "What drives ..." section in words and table cells, shared by the Markdown and HTML reports.</summary>
internal static class DriversText
{
    /// <summary>The headings of the drivers table; a leading # marks a column of figures.</summary>
    public static readonly string[] Columns = ["Question", "Feature", "#Importance (rho)", "95% interval", "#Favourable", "#n", "Quadrant"];

    /// <summary>Why the figures are read with care: a correlation shows what goes together, not what causes what.</summary>
    public const string Caution =
        "Importance is Spearman's rank correlation with the outcome question over the responses that answered both; " +
        "performance is the share of favourable answers (4–5; 9–10 on a 0–10 scale; 1–2 for effort). " +
        "The matrix is split at the middle (median) of the questions. A correlation shows what goes together, not what causes what, and is uncertain in small samples.";

    /// <summary>"What drives CSAT".</summary>
    public static string Heading(ReviewText text, Drivers drivers) => $"What drives {text.NameOf(drivers.Outcome)}";

    /// <summary>The introduction: the outcome question, and where to act first.</summary>
    public static string Introduction(ReviewText text, Drivers drivers)
    {
        var actFirst = drivers.Items.Where(i => i.Quadrant == DriverQuadrants.ActFirst).Select(i => $"\u201c{QuestionText(text.Review, i.Question)}\u201d").ToList();
        var where = actFirst.Count == 0
            ? "No question is both important and below the middle: nothing to act on first."
            : $"Act first on {string.Join(", ", actFirst)}: {(actFirst.Count == 1 ? "it goes" : "they go")} with the outcome more than most and {(actFirst.Count == 1 ? "scores" : "score")} below the middle.";
        return $"Which questions go with the answers to \u201c{QuestionText(text.Review, drivers.Question)}\u201d. {where}";
    }

    /// <summary>The cells of one item's row.</summary>
    public static string[] Row(Review review, DriverItem item) =>
    [
        QuestionText(review, item.Question),
        item.Feature is null ? "–" : ReviewText.Words(item.Feature),
        Rho(item.Rho),
        item.Ci95 is [var low, var high] ? $"{Rho(low)} to {Rho(high)}" : "–",
        ReviewText.Percent(item.Performance),
        ReviewText.Count(item.N),
        Quadrant(item.Quadrant),
    ];

    /// <summary>Why a recommendation ranks higher: the act-first driver it is about.</summary>
    public static string Raised(Review review, RecommendationDriver driver) =>
        $"\u201c{QuestionText(review, driver.Question)}\u201d is where to act first among the drivers (rho {Rho(driver.Rho)}), so the score is multiplied by {driver.Factor.ToString("0.###", CultureInfo.InvariantCulture)}.";

    /// <summary>Where the matrix is split, in words.</summary>
    public static string Splits(Drivers drivers) =>
        $"High importance is a rho of {Rho(drivers.ImportanceSplit)} or more; high performance, {ReviewText.Percent(drivers.PerformanceSplit)} favourable or more.";

    /// <summary>A quadrant's name as a manager reads it.</summary>
    public static string Quadrant(string quadrant) => quadrant switch
    {
        DriverQuadrants.ActFirst => "Act first",
        DriverQuadrants.KeepUp => "Keep up",
        DriverQuadrants.LowPriority => "Low priority",
        DriverQuadrants.PossibleOverkill => "Possible overkill",
        var other => ReviewText.Capitalise(ReviewText.Words(other)),
    };

    /// <summary>A correlation to two decimals with its sign, as in +0.62.</summary>
    public static string Rho(double rho) => rho.ToString("+0.00;−0.00;0.00", CultureInfo.InvariantCulture);

    /// <summary>The question's wording, or its id when the review does not show it.</summary>
    public static string QuestionText(Review review, string question) =>
        review.Distributions.FirstOrDefault(d => d.Question == question)?.Text ?? question;
}
