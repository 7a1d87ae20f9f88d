namespace FeedbackBot.Core.Reviews;

/// <summary>Themes in the cycle's comments (survey comments, complaints, feedback logged by staff).</summary>
/// <param name="TotalComments">Comments read.</param>
/// <param name="Uncoded">Comments that matched no theme.</param>
/// <param name="Items">Each theme, most mentioned first.</param>
public sealed record ThemeReport(int TotalComments, int Uncoded, IReadOnlyList<ThemeItem> Items)
{
    /// <summary>No comments.</summary>
    public static ThemeReport Empty { get; } = new(0, 0, []);
}

/// <summary>One theme. Counts and quotes are withheld when fewer than the minimum group size mention it.</summary>
/// <param name="Id">The theme's id.</param>
/// <param name="Label">Its name.</param>
/// <param name="Feature">The service feature it bears on.</param>
/// <param name="Count">Comments mentioning it; null when suppressed.</param>
/// <param name="Percent">Share of coded comments, 0–100; null when suppressed.</param>
/// <param name="Negative">Mentions with negative polarity; null when suppressed.</param>
/// <param name="Neutral">Mentions with neutral polarity; null when suppressed.</param>
/// <param name="Positive">Mentions with positive polarity; null when suppressed.</param>
/// <param name="Previous">The previous cycle's count, if known and not suppressed.</param>
/// <param name="Change">Count minus previous count.</param>
/// <param name="BySource">Mentions per source (survey, complaint, feedback); empty when suppressed.</param>
/// <param name="Quotes">Up to three representative comments, personal data masked.</param>
/// <param name="Suppressed">Whether figures are withheld for privacy.</param>
public sealed record ThemeItem(
    string Id,
    string Label,
    string? Feature,
    int? Count,
    double? Percent,
    int? Negative,
    int? Neutral,
    int? Positive,
    int? Previous,
    int? Change,
    IReadOnlyDictionary<string, int> BySource,
    IReadOnlyList<string> Quotes,
    bool Suppressed);
