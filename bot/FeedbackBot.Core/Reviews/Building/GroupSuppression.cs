namespace FeedbackBot.Core.Reviews.Building;

/// <summary>
/// Decides which groups of a breakdown are withheld. Every group below the minimum size is; and when the withheld
/// groups together are fewer than the minimum, the smallest shown groups are withheld too, because the total minus
/// the shown groups would otherwise give away the small group's figure.
/// </summary>
public static class GroupSuppression
{
    /// <summary>The names of the groups to withhold.</summary>
    public static IReadOnlySet<string> Withheld(IReadOnlyDictionary<string, long> sizes, int minimumGroupSize)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        var withheld = sizes.Where(s => s.Value < minimumGroupSize).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var hidden = sizes.Where(s => withheld.Contains(s.Key)).Sum(s => s.Value);
        foreach (var (name, size) in sizes
            .Where(s => !withheld.Contains(s.Key))
            .OrderBy(s => s.Value)
            .ThenBy(s => s.Key, StringComparer.Ordinal))
        {
            if (hidden == 0 || hidden >= minimumGroupSize)
            {
                break;
            }

            withheld.Add(name);
            hidden += size;
        }

        return withheld;
    }
}
