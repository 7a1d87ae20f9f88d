using System.Globalization;
using System.Text;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Reviews;

namespace FeedbackBot.Features.Reviews.Rendering;

/// <summary>
/// The review's metrics table as CSV for spreadsheets: one row per KPI, then one per KPI and segment. RFC 4180
/// (comma, CRLF, double quotes), invariant culture, numbers at full precision, empty cells where there is no value.
/// </summary>
public static class ReviewCsv
{
    /// <summary>The header row's columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "section", "kpi", "metric", "segment", "value", "n", "ci95_low", "ci95_high", "target", "direction", "status",
        "gap", "previous", "change", "p_value",
    ];

    /// <summary>Writes the table, header first.</summary>
    public static string Render(Review review)
    {
        ArgumentNullException.ThrowIfNull(review);
        var csv = new StringBuilder();
        WriteRow(csv, Columns);
        foreach (var kpi in review.Metrics)
        {
            WriteRow(csv,
            [
                "kpi", kpi.Id, kpi.Metric, string.Empty, Number(kpi.Value), kpi.N?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                Number(Low(kpi.Ci95)), Number(High(kpi.Ci95)), Number(kpi.Target), kpi.Direction, kpi.Status,
                Number(kpi.Gap), Number(kpi.Previous), Number(kpi.Change), Number(kpi.PValue),
            ]);
        }

        var kpis = review.Metrics.GroupBy(m => m.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var segment in review.Segments)
        {
            var kpi = kpis.GetValueOrDefault(segment.Kpi);
            // Rounded so the subtraction's binary noise (86.1 - 80 = 6.0999999999999943) does not reach the sheet.
            var gap = kpi is null ? null : KpiStatus.Gap(segment.Value, kpi.Target, DirectionOf(kpi)) is { } g ? Math.Round(g, 9) : (double?)null;
            WriteRow(csv,
            [
                "segment", segment.Kpi, kpi?.Metric ?? string.Empty, segment.Segment, Number(segment.Value),
                segment.N?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, Number(Low(segment.Ci95)),
                Number(High(segment.Ci95)), Number(kpi?.Target), kpi?.Direction ?? string.Empty, segment.Status,
                Number(gap), string.Empty, string.Empty, string.Empty,
            ]);
        }

        return csv.ToString();
    }

    private static KpiDirection DirectionOf(MetricResult kpi) =>
        string.Equals(kpi.Direction, "lower", StringComparison.Ordinal) ? KpiDirection.Lower : KpiDirection.Higher;

    private static double? Low(IReadOnlyList<double>? ci) => ci is [var low, _] ? low : null;

    private static double? High(IReadOnlyList<double>? ci) => ci is [_, var high] ? high : null;

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;

    private static void WriteRow(StringBuilder csv, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            csv.Append(Quote(Defuse(cells[i])));
        }

        csv.Append("\r\n");
    }

    /// <summary>
    /// A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula, so such text
    /// gets a leading apostrophe; numbers such as -3.5 are left alone so they stay numbers.
    /// </summary>
    internal static string Defuse(string cell)
    {
        if (cell.Length == 0 || cell[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r'))
        {
            return cell;
        }

        return double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? cell : "'" + cell;
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
