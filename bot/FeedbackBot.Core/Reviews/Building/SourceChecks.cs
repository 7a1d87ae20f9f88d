using System.Globalization;
using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Analysis.Statistics;

namespace FeedbackBot.Core.Reviews.Building;

/// <summary>
/// Checks the imported sources of a cycle as responses are checked: duplicates, days with no figure, and days far from
/// the usual (robust z over the cycle's and the earlier cycles' days), ending in a plain verdict on how far each can be
/// trusted.
/// </summary>
public static class SourceChecks
{
    /// <summary>The complaints log's name in the checks.</summary>
    public const string Complaints = "complaints";

    /// <summary>The operational figures' name in the checks.</summary>
    public const string Operations = "operations";

    /// <summary>The series of daily complaint counts.</summary>
    public const string ComplaintsPerDay = "complaints per day";

    // Beyond a quarter of the records or days, a source's figures describe the damage more than the service.
    private const double NotTrustedFraction = 0.25;

    /// <summary>Checks the complaints log: the same complaint twice (same category, text and time), and outlying daily counts.</summary>
    public static SourceCheck CheckComplaints(IReadOnlyList<ComplaintRecord> current, CycleWindow window, IReadOnlyList<EarlierCycle> earlier)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(earlier);
        var inWindow = current.Where(c => window.Contains(c.ReceivedAt)).ToList();

        // The import already refuses a row identical in every column, so what remains is one complaint logged twice with a detail changed.
        var duplicates = inWindow
            .GroupBy(c => (c.ReceivedAt, Category: Normalise(c.Category), Text: c.Text.Trim()))
            .Where(g => g.Count() > 1)
            .Select(g => new DuplicateRecords(
                "same_content_and_time",
                string.Create(CultureInfo.InvariantCulture, $"{g.Key.ReceivedAt:yyyy-MM-dd'T'HH:mm:ss'Z'} {g.Key.Category}"),
                g.Count()))
            .OrderBy(d => d.Key, StringComparer.Ordinal)
            .ToList();

        var days = Days(window.Start, window.End);
        var now = days.Select(d => (Date: d, Value: (double)inWindow.Count(c => DateOnly.FromDateTime(c.ReceivedAt) == d))).ToList();
        var before = earlier
            .SelectMany(e => Days(e.Window.Start, e.Window.End).Select(d => (double)e.Complaints.Count(c => DateOnly.FromDateTime(c.ReceivedAt) == d)))
            .ToList();
        var outliers = Outliers(ComplaintsPerDay, now, before, minimumScale: 1);

        var duplicated = duplicates.Sum(d => d.Count - 1);
        return Verdict(Complaints, inWindow.Count, duplicates, [], outliers, duplicated, inWindow.Count, 0, 0, gapsApply: false);
    }

    /// <summary>
    /// Checks operational figures: one metric, day and segment given twice, days of the cycle missing from a series that
    /// the cycle or an earlier one has, and outlying days within each series.
    /// </summary>
    public static SourceCheck CheckOperations(IReadOnlyList<OperationalObservation> current, CycleWindow window, IReadOnlyList<EarlierCycle> earlier)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(earlier);
        var days = Days(window.Start, window.End);
        var inWindow = current.Where(o => o.Date >= days[0] && o.Date <= days[^1]).ToList();

        var duplicates = inWindow
            .GroupBy(o => (o.Metric, o.Segment, o.Date))
            .Where(g => g.Count() > 1)
            .Select(g => new DuplicateRecords(
                "same_id", string.Create(CultureInfo.InvariantCulture, $"{SeriesName(g.Key.Metric, g.Key.Segment)} {g.Key.Date:yyyy-MM-dd}"), g.Count()))
            .OrderBy(d => d.Key, StringComparer.Ordinal)
            .ToList();

        var earlierValues = earlier.SelectMany(e => e.Operational).ToList();
        var series = inWindow.Concat(earlierValues)
            .Select(o => (o.Metric, o.Segment))
            .Distinct()
            .OrderBy(s => s.Metric, StringComparer.Ordinal).ThenBy(s => s.Segment, StringComparer.Ordinal)
            .ToList();
        var missing = new List<MissingDay>();
        var outliers = new List<DailyOutlier>();
        foreach (var (metric, segment) in series)
        {
            var name = SeriesName(metric, segment);
            var values = inWindow.Where(o => o.Metric == metric && o.Segment == segment)
                .GroupBy(o => o.Date)
                .ToDictionary(g => g.Key, g => g.Last().Value);
            missing.AddRange(days.Where(d => !values.ContainsKey(d)).Select(d => new MissingDay(d, name)));
            var before = earlierValues.Where(o => o.Metric == metric && o.Segment == segment).Select(o => o.Value).ToList();
            outliers.AddRange(Outliers(name, [.. values.OrderBy(v => v.Key).Select(v => (v.Key, v.Value))], before));
        }

        var duplicated = duplicates.Sum(d => d.Count - 1);
        return Verdict(Operations, inWindow.Count, duplicates, missing, outliers, duplicated, inWindow.Count, missing.Count, series.Count * days.Count, gapsApply: true);
    }

    /// <summary>The days of the cycle the daily figures fall on, first to last.</summary>
    public static IReadOnlyList<DateOnly> Days(DateTime start, DateTime end)
    {
        var first = DateOnly.FromDateTime(start);
        var last = DateOnly.FromDateTime(end.AddTicks(-1));
        var days = new List<DateOnly>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            days.Add(day);
        }

        return days;
    }

    private static List<DailyOutlier> Outliers(
        string series, IReadOnlyList<(DateOnly Date, double Value)> current, IReadOnlyList<double> earlier, double minimumScale = 0)
    {
        var all = current.Select(c => c.Value).Concat(earlier).ToList();

        // Fewer than three days give no usual to be far from.
        if (all.Count < 3)
        {
            return [];
        }

        var scores = RobustZ.Scores(all, minimumScale);
        var median = RobustZ.Median(all);
        return [.. current
            .Select((c, i) => (c.Date, c.Value, Score: scores[i]))
            .Where(c => c.Score > RobustZ.Threshold)
            .Select(c => new DailyOutlier(c.Date, series, c.Value, median, Math.Round(c.Score, 2, MidpointRounding.AwayFromZero)))];
    }

    private static SourceCheck Verdict(
        string source, int records, List<DuplicateRecords> duplicates, List<MissingDay> missing,
        List<DailyOutlier> outliers, int duplicated, int recordCount, int missingCount, int expectedDays, bool gapsApply)
    {
        var problems = new List<string>();
        if (duplicated > 0)
        {
            problems.Add(Plural(duplicated, "duplicate record"));
        }

        if (missingCount > 0)
        {
            problems.Add(Plural(missingCount, "daily figure") + " missing");
        }

        if (outliers.Count > 0)
        {
            problems.Add(Plural(outliers.Count, "outlying day"));
        }

        string trust;
        string reason;
        if (records == 0 && (!gapsApply || expectedDays == 0))
        {
            trust = "trusted";
            reason = source == Complaints ? "no complaints were logged in the cycle" : "no figures were imported for the cycle";
        }
        else if (problems.Count == 0)
        {
            trust = "trusted";
            reason = gapsApply ? "no duplicates, no gaps, no outliers" : "no duplicates, no outlying days";
        }
        else
        {
            var severe = (recordCount > 0 && duplicated > NotTrustedFraction * recordCount)
                || (expectedDays > 0 && missingCount > NotTrustedFraction * expectedDays);
            trust = severe ? "not_trusted" : "use_with_care";
            reason = string.Join(", ", problems);
        }

        return new SourceCheck(source, records, duplicates, missing, outliers, trust, reason);
    }

    private static string Plural(int count, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {what}{(count == 1 ? "" : "s")}");

    private static string SeriesName(string metric, string segment) => segment.Length == 0 ? metric : $"{metric}/{segment}";

    private static string Normalise(string category) => category.Trim().ToLowerInvariant();
}
