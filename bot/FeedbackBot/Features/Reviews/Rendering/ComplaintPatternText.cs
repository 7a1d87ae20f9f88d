using System.Globalization;
using FeedbackBot.Core.Reviews;

namespace FeedbackBot.Features.Reviews.Rendering;

/// <summary>
/// The words every report uses for the complaint patterns (Pareto, trends, resolution, rate per interaction) and the
/// checks of imported sources, so Markdown and HTML say the same thing.
/// </summary>
internal static class ComplaintPatternText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// "Delay, billing and access make up 82.4% of complaints: the vital few to work on first."; when the vital few run
    /// into "other", which is a mix rather than a cause, the named ones' share and that 80% needs the small ones too.
    /// Null without a Pareto.
    /// </summary>
    public static string? VitalFew(IReadOnlyList<ParetoCategory>? pareto)
    {
        var vital = pareto?.Where(p => p.VitalFew).ToList();
        if (vital is null || vital.Count == 0)
        {
            return null;
        }

        var named = vital.Where(v => v.Category != ComplaintAnalysis.OtherCategory).ToList();
        if (named.Count == 0)
        {
            return "No single category stands out: complaints are spread over categories too small to show on their own.";
        }

        var sentence = $"{ReviewText.Capitalise(List(named.Select(v => ReviewText.Words(v.Category)).ToList()))} {(named.Count == 1 ? "makes" : "make")} up {ReviewText.Percent(named[^1].CumulativeShare)} of complaints";
        return named.Count == vital.Count
            ? sentence + ": the vital few to work on first."
            : sentence + "; 80% is reached only with the smaller categories counted together under other.";
    }

    private static string List(List<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];

    /// <summary>The counts per cycle, oldest first: "5 → 15".</summary>
    public static string Counts(ComplaintTrend trend) => string.Join(" → ", trend.Cycles.Select(c => ReviewText.Count(c.Count)));

    /// <summary>The cycles a trend covers, for a caption: "3 cycles from 5 Oct 2026".</summary>
    public static string Cycles(IReadOnlyList<ComplaintTrend> trends) =>
        trends.Count > 0 && trends[0].Cycles is { Count: > 0 } cycles
            ? $"{cycles.Count} cycle{(cycles.Count == 1 ? "" : "s")} from {ReviewText.Day(DateOnly.FromDateTime(cycles[0].Start))}, oldest first"
            : string.Empty;

    /// <summary>The rate ratio: "3.00×"; empty when there is none.</summary>
    public static string RateRatio(double? ratio) => ratio is { } r ? r.ToString("0.00", Invariant) + "×" : string.Empty;

    /// <summary>The resolution times in one sentence.</summary>
    public static string Resolution(ResolutionTimes resolution)
    {
        var sentence = $"Of {ReviewText.Count(resolution.Resolved)} resolved complaint{(resolution.Resolved == 1 ? "" : "s")}, half took at most {Hours(resolution.MedianHours)} and 9 in 10 at most {Hours(resolution.P90Hours)}";
        return resolution is { StandardHours: { } standard, WithinStandard: { } within, WithinStandardShare: { } share }
            ? $"{sentence}; {ReviewText.Count(within)} ({ReviewText.Percent(share)}) were resolved within the plan's standard of {Hours(standard)}."
            : sentence + "; the plan sets no resolution standard.";
    }

    /// <summary>"12.3 complaints per 1,000 interactions (2,760 interactions)."; null without volumes.</summary>
    public static string? PerThousand(ComplaintReport complaints) =>
        complaints is { PerThousandInteractions: { } rate, Interactions: { } interactions }
            ? $"{rate.ToString("#,0.0", Invariant)} complaints per 1,000 interactions ({ReviewText.Count(interactions)} interactions in the cycle)."
            : null;

    /// <summary>"trusted", "use with care", "not trusted".</summary>
    public static string Trust(string trust) => ReviewText.Words(trust);

    /// <summary>"complaints: trusted — no duplicates, no outlying days".</summary>
    public static string Verdict(SourceCheck check) => $"{check.Source}: {Trust(check.Trust)} — {check.Reason}";

    /// <summary>Each problem found, one line each: duplicates, missing days, outlying days.</summary>
    public static IEnumerable<string> Details(SourceCheck check)
    {
        foreach (var duplicate in check.Duplicates)
        {
            var kind = duplicate.Kind == "same_id" ? "same id" : "same content and time";
            yield return $"{ReviewText.Count(duplicate.Count)} records with the {kind}: {duplicate.Key}";
        }

        foreach (var series in check.MissingDays.GroupBy(m => m.Series))
        {
            yield return $"{series.Key}: no figure on {string.Join(", ", series.Select(m => ReviewText.Day(m.Date)))}";
        }

        foreach (var outlier in check.Outliers)
        {
            yield return string.Create(Invariant,
                $"{outlier.Series} on {ReviewText.Day(outlier.Date)}: {outlier.Value:#,0.##} against a median of {outlier.Median:#,0.##} (robust z {outlier.RobustZ:0.00})");
        }
    }

    private static string Hours(double? hours) => hours is { } h ? h.ToString("#,0.#", Invariant) + " hours" : "–";
}
