using FeedbackBot.Core.Reviews;

namespace FeedbackBot.Core.Analysis.Text;

/// <summary>Turns theme counts into the themes section of a review.</summary>
public static class ThemeAnalysis
{
    /// <summary>
    /// The theme report for a cycle, compared with the previous cycle when its counts are given. Items are ordered
    /// by count, most mentioned first, then by id; suppressed themes come last, by id, so their order reveals
    /// nothing. Percent is the share of coded comments (0–100, one decimal). A theme fewer than
    /// <paramref name="minimumGroupSize"/> comments mention is suppressed: no count, percent, polarity, previous
    /// count or change, no sources and no quotes. Themes no comment mentioned in either cycle are left out, as are
    /// counts for ids the taxonomy no longer has. Previous and change are given only when the previous count is at
    /// least the minimum group size too.
    /// </summary>
    public static ThemeReport Report(ThemeTaxonomy taxonomy, ThemeCounts current, ThemeCounts? previous, int minimumGroupSize)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumGroupSize, 1);

        var items = new List<ThemeItem>();
        foreach (var theme in taxonomy.Themes)
        {
            var now = current.Themes.GetValueOrDefault(theme.Id);
            var before = previous?.Themes.GetValueOrDefault(theme.Id);
            var count = now?.Count ?? 0;
            var previousCount = before?.Count ?? 0;
            if (count == 0 && previousCount == 0)
            {
                continue;
            }

            items.Add(count < minimumGroupSize || now is null
                ? Suppressed(theme)
                : Item(theme, now, current.Coded, previousCount >= minimumGroupSize ? previousCount : null));
        }

        return new ThemeReport(
            current.TotalComments,
            current.Uncoded,
            [.. items.OrderBy(i => i.Suppressed).ThenByDescending(i => i.Count ?? 0).ThenBy(i => i.Id, StringComparer.Ordinal)]);
    }

    private static ThemeItem Item(Theme theme, ThemeCount count, int coded, int? previous) => new(
        theme.Id,
        theme.Label,
        theme.Feature,
        count.Count,
        Math.Round(100.0 * count.Count / coded, 1),
        count.Negative,
        count.Neutral,
        count.Positive,
        previous,
        count.Count - previous,
        count.BySource,
        count.Quotes,
        Suppressed: false);

    private static ThemeItem Suppressed(Theme theme) => new(
        theme.Id,
        theme.Label,
        theme.Feature,
        Count: null,
        Percent: null,
        Negative: null,
        Neutral: null,
        Positive: null,
        Previous: null,
        Change: null,
        BySource: new Dictionary<string, int>(),
        Quotes: [],
        Suppressed: true);
}
