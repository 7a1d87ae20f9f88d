using FeedbackBot.Core.Analysis;

namespace FeedbackBot.Core.Reviews;

/// <summary>Complaints over a cycle: totals, weekly counts, categories, and time to resolve.</summary>
public static class ComplaintAnalysis
{
    /// <summary>The category under which categories smaller than the minimum group size are merged.</summary>
    public const string OtherCategory = "other";

    /// <summary>Summarises the complaints received within the window, compared with the previous window's.</summary>
    public static ComplaintReport Summarise(
        IReadOnlyList<ComplaintRecord> current, IReadOnlyList<ComplaintRecord>? previous, CycleWindow window, int minimumGroupSize)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(window);
        var inWindow = current.Where(c => window.Contains(c.ReceivedAt)).ToList();

        var weeks = new List<WeekCount>();
        for (var week = Monday(DateOnly.FromDateTime(window.Start)); week.ToDateTime(TimeOnly.MinValue) < window.End; week = week.AddDays(7))
        {
            var start = week;
            weeks.Add(new WeekCount(week, inWindow.Count(c => Monday(DateOnly.FromDateTime(c.ReceivedAt)) == start)));
        }

        var byCategory = Categories(inWindow, minimumGroupSize);
        var previousByCategory = previous is null ? null : Categories(previous, minimumGroupSize).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        var categories = byCategory
            .Select(c =>
            {
                int? before = previousByCategory is null ? null : previousByCategory.GetValueOrDefault(c.Key);
                return new CategoryCount(c.Key, c.Value, before, before is null ? null : c.Value - before);
            })
            .OrderByDescending(c => c.Category == OtherCategory ? -1 : c.Count)
            .ThenBy(c => c.Category, StringComparer.Ordinal)
            .ToList();

        var hours = inWindow.Where(c => c.ResolvedAt is not null).Select(c => (c.ResolvedAt!.Value - c.ReceivedAt).TotalHours).Order().ToList();
        double? median = hours.Count == 0 ? null
            : hours.Count % 2 == 1 ? hours[hours.Count / 2]
            : (hours[(hours.Count / 2) - 1] + hours[hours.Count / 2]) / 2;

        return new ComplaintReport(
            inWindow.Count,
            previous?.Count,
            previous is null ? null : inWindow.Count - previous.Count,
            weeks,
            categories,
            median is null ? null : Math.Round(median.Value, 1),
            inWindow.Count(c => c.ResolvedAt is null));
    }

    private static Dictionary<string, int> Categories(IReadOnlyList<ComplaintRecord> complaints, int minimumGroupSize)
    {
        var counts = complaints
            .GroupBy(c => c.Category.Trim().ToLowerInvariant(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        // Small categories are merged rather than shown, so no count below the minimum group size is reported.
        var small = counts.Where(c => c.Value < minimumGroupSize).ToList();
        var result = counts.Where(c => c.Value >= minimumGroupSize).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        var other = small.Sum(c => c.Value) + result.GetValueOrDefault(OtherCategory);
        if (other >= minimumGroupSize)
        {
            result[OtherCategory] = other;
        }
        else
        {
            result.Remove(OtherCategory);
        }

        return result;
    }

    private static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}
