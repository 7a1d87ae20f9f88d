using FeedbackBot.Core.Reviews.Building;

namespace FeedbackBot.Core.Reviews;

/// <summary>
/// The Pareto of complaint categories: the few categories that make up most of the volume, which is where fixing causes
/// pays most.
/// </summary>
public static class ComplaintPareto
{
    /// <summary>The cumulative share, percent, the vital few together reach.</summary>
    public const int VitalFewShare = 80;

    /// <summary>
    /// The categories sorted by count, most first, ties by name; "other" (a mix of small categories, not one cause to
    /// act on) comes last whatever its count. Shares are of all complaints counted here, rounded to 0.1; the cumulative
    /// share is rounded from the exact running total, so the last one is 100.0. The vital few are the categories up to
    /// and including the first whose exact cumulative share reaches 80%.
    /// </summary>
    public static IReadOnlyList<ParetoCategory> Of(IEnumerable<CategoryCount> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        var sorted = categories
            .Where(c => c.Count > 0)
            .OrderBy(c => c.Category == ComplaintAnalysis.OtherCategory ? 1 : 0)
            .ThenByDescending(c => c.Count)
            .ThenBy(c => c.Category, StringComparer.Ordinal)
            .ToList();
        long total = sorted.Sum(c => c.Count);
        var result = new List<ParetoCategory>(sorted.Count);
        long running = 0;
        var reached = false;
        foreach (var category in sorted)
        {
            running += category.Count;

            // Whole numbers, so a share of exactly 80% is not lost to floating point.
            var vital = !reached;
            reached = reached || running * 100 >= VitalFewShare * total;
            result.Add(new ParetoCategory(
                category.Category,
                category.Count,
                Rounding.Percent(100.0 * category.Count / total),
                Rounding.Percent(100.0 * running / total),
                vital));
        }

        return result;
    }
}

/// <summary>One category of the complaints Pareto.</summary>
/// <param name="Category">The category.</param>
/// <param name="Count">Complaints in it this cycle.</param>
/// <param name="Share">Its share of the cycle's complaints, percent.</param>
/// <param name="CumulativeShare">Its share together with every category before it, percent.</param>
/// <param name="VitalFew">Whether it is one of the few categories that together make up 80% of complaints.</param>
public sealed record ParetoCategory(string Category, int Count, double Share, double CumulativeShare, bool VitalFew);
