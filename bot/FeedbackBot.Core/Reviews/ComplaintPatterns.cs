using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Analysis.Statistics;
using FeedbackBot.Core.Reviews.Building;

namespace FeedbackBot.Core.Reviews;

/// <summary>
/// The patterns in a cycle's complaints beyond the totals: which categories make up most of them, how each moved over the
/// cycles, how fast they were resolved against the plan's standard, and how many there were per 1,000 interactions.
/// </summary>
public static class ComplaintPatterns
{
    /// <summary>The summary with its Pareto, trends, resolution times and rate per interaction added.</summary>
    /// <param name="report">The cycle's summary from <see cref="ComplaintAnalysis.Summarise"/>.</param>
    /// <param name="current">The cycle's complaints.</param>
    /// <param name="window">The cycle's window.</param>
    /// <param name="earlier">Earlier cycles, most recent first.</param>
    /// <param name="standard">The plan's resolution standard, if it has one.</param>
    /// <param name="interactions">Interactions in the cycle, when volumes are imported.</param>
    public static ComplaintReport Add(
        ComplaintReport report, IReadOnlyList<ComplaintRecord> current, CycleWindow window, IReadOnlyList<EarlierCycle> earlier,
        TimeSpan? standard, long? interactions)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(earlier);
        var inWindow = current.Where(c => window.Contains(c.ReceivedAt)).ToList();
        var pareto = ComplaintPareto.Of(report.ByCategory);

        // Fewer interactions than complaints means the log is a sample (such as one kept for QA), not the volume.
        var volume = interactions is { } n && n > 0 && n >= inWindow.Count ? interactions : null;
        return report with
        {
            Pareto = pareto,
            Trends = Trends(pareto, inWindow, window, earlier),
            Resolution = Resolution(inWindow, standard),
            Interactions = volume,
            PerThousandInteractions = volume is { } v ? Rounding.Percent(1000.0 * inWindow.Count / v) : null,
        };
    }

    /// <summary>
    /// Each category of the Pareto but "other" (whose make-up changes from cycle to cycle) in every cycle, oldest first,
    /// with the change on the previous cycle tested as two Poisson rates per day of each cycle.
    /// </summary>
    public static IReadOnlyList<ComplaintTrend> Trends(
        IReadOnlyList<ParetoCategory> pareto, IReadOnlyList<ComplaintRecord> current, CycleWindow window, IReadOnlyList<EarlierCycle> earlier)
    {
        ArgumentNullException.ThrowIfNull(pareto);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(earlier);
        var cycles = earlier.Reverse()
            .Select(e => (e.Window.Start, e.Window.End, e.Complaints))
            .Append((window.Start, window.End, current))
            .ToList();
        var trends = new List<ComplaintTrend>();
        foreach (var category in pareto.Where(p => p.Category != ComplaintAnalysis.OtherCategory))
        {
            var counts = cycles
                .Select(c => new CycleCount(c.Start, c.End, c.Item3.Count(r => Normalise(r.Category) == category.Category)))
                .ToList();
            if (counts.Count < 2)
            {
                trends.Add(new ComplaintTrend(category.Category, counts, null, null, null));
                continue;
            }

            var now = counts[^1];
            var before = counts[^2];
            var test = Counts.CompareRates(now.Count, Days(now), before.Count, Days(before));
            trends.Add(new ComplaintTrend(
                category.Category, counts, now.Count - before.Count, Rounding.PValue(test?.PValue), Rounding.Effect(test?.RateRatio)));
        }

        return trends;
    }

    /// <summary>
    /// Median and 90th percentile (nearest rank: the smallest time at least 90% of resolved complaints took no longer
    /// than) of the hours to resolve, and the share resolved within the standard; null when none is resolved.
    /// </summary>
    public static ResolutionTimes? Resolution(IReadOnlyList<ComplaintRecord> complaints, TimeSpan? standard)
    {
        ArgumentNullException.ThrowIfNull(complaints);
        var hours = complaints.Where(c => c.ResolvedAt is not null)
            .Select(c => (c.ResolvedAt!.Value - c.ReceivedAt).TotalHours)
            .Order()
            .ToList();
        if (hours.Count == 0)
        {
            return null;
        }

        var p90 = hours[(int)Math.Ceiling(0.9 * hours.Count) - 1];
        int? within = standard is { } s ? hours.Count(h => h <= s.TotalHours) : null;
        return new ResolutionTimes(
            hours.Count,
            Math.Round(RobustZ.Median(hours), 1, MidpointRounding.AwayFromZero),
            Math.Round(p90, 1, MidpointRounding.AwayFromZero),
            standard is { } st ? Math.Round(st.TotalHours, 1, MidpointRounding.AwayFromZero) : null,
            within,
            within is { } w ? Rounding.Percent(100.0 * w / hours.Count) : null);
    }

    private static double Days(CycleCount cycle) => (cycle.End - cycle.Start).TotalDays;

    private static string Normalise(string category) => category.Trim().ToLowerInvariant();
}
