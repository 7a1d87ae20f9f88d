using System.Globalization;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Reviews;

namespace FeedbackBot.Features.Reviews.Rendering;

/// <summary>
/// The words and figures every report form shares, so Markdown and HTML say the same thing the same way: metric
/// names, values in their unit, intervals, changes, p-values, statuses and cycle dates. Invariant culture throughout.
/// </summary>
internal sealed class ReviewText
{
    public const string NotEnoughData = "not enough data";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly Dictionary<string, MetricResult> _kpis;

    public ReviewText(Review review)
    {
        ArgumentNullException.ThrowIfNull(review);
        Review = review;
        _kpis = review.Metrics.GroupBy(m => m.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public Review Review { get; }

    /// <summary>What an empty section says when the cycle has no data at all, rather than claiming all is well.</summary>
    public const string NoData = "No data: this cycle has no usable responses, comments, complaints or figures, so there is nothing to compare.";

    /// <summary>
    /// Whether the review rests on any data: usable responses, a KPI value, a comment or a complaint. Without any, an
    /// empty list of gaps or recommendations means nothing was measured, not that nothing is wrong.
    /// </summary>
    public bool HasData =>
        Review.Validation.Usable > 0
        || Review.Metrics.Any(m => m.Value is not null)
        || Review.Themes.TotalComments > 0
        || Review.Complaints is { Total: > 0 };

    /// <summary>The sentence for an empty section: its own when there was data, else <see cref="NoData"/>.</summary>
    public string Empty(string withData) => HasData ? withData : NoData;

    /// <summary>The KPI with this id, if the review has one.</summary>
    public MetricResult? Kpi(string id) => _kpis.GetValueOrDefault(id);

    /// <summary>The unit of a KPI id or a metric name.</summary>
    public MetricUnit UnitOf(string kpiOrMetric) =>
        (Kpi(kpiOrMetric)?.Metric ?? kpiOrMetric) switch
        {
            // A question's mean compared with the last cycle: "mean:understood".
            var mean when mean.StartsWith("mean:", StringComparison.Ordinal) => MetricUnit.Mean,
            // Shares of comments, complaints or ratings: "theme:waiting_time", "customer_rating:empathy".
            var share when share.Contains(':', StringComparison.Ordinal) => MetricUnit.Percent,
            "csat" or "agree" or "fcr" or "response_rate" => MetricUnit.Percent,
            "nps" => MetricUnit.NetScore,
            "ces" or "mean" => MetricUnit.Mean,
            _ => MetricUnit.Number,
        };

    /// <summary>A KPI's name as a manager reads it: CSAT, NPS, Mean wait rating, Average handling time.</summary>
    public static string Name(MetricResult kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);

        // Reviews name their KPIs (eNPS for staff); older stored reviews do not, and are named from the metric.
        return kpi.Name ?? kpi.Metric switch
        {
            "csat" => "CSAT",
            "agree" when kpi.Question is not null => $"% agree on {Words(kpi.Question)}",
            "agree" => "% agree",
            "nps" => "NPS",
            "ces" => "CES",
            "fcr" => "First-contact resolution",
            "response_rate" => "Response rate",
            "mean" when kpi.Question is not null => $"Mean {Words(kpi.Question)} rating",
            "mean" => Capitalise(Words(kpi.Id)),
            var other => Capitalise(Words(other)),
        };
    }

    /// <summary>The name of a KPI id, or the metric name in words when it is not one of the review's KPIs.</summary>
    public string NameOf(string kpiOrMetric) => Kpi(kpiOrMetric) is { } kpi ? Name(kpi) : Capitalise(Words(kpiOrMetric));

    /// <summary>A value in its unit: 82.4%, +31, 2.61, 245; "not enough data" when there is none.</summary>
    public string Value(string kpiOrMetric, double? value) => value is { } v ? Format(UnitOf(kpiOrMetric), v) : NotEnoughData;

    /// <summary>A value in a unit, without a suffix for plain numbers; one number of decimals per unit, so a value, its interval and its target line up.</summary>
    public static string Format(MetricUnit unit, double value) => unit switch
    {
        MetricUnit.Percent => value.ToString("0.0", Invariant) + "%",
        MetricUnit.NetScore => value.ToString("+0;-0;0", Invariant),
        MetricUnit.Mean => value.ToString("0.00", Invariant),
        _ => value.ToString("0.0", Invariant),
    };

    /// <summary>A 95% interval, "79.0–85.8%"; empty when there is none.</summary>
    public string Interval(string kpiOrMetric, IReadOnlyList<double>? ci)
    {
        if (ci is not [var low, var high])
        {
            return string.Empty;
        }

        var unit = UnitOf(kpiOrMetric);
        var lowText = unit == MetricUnit.Percent ? low.ToString("0.0", Invariant) : Format(unit, low);
        return $"{lowText}–{Format(unit, high)}";
    }

    /// <summary>A difference in the metric's unit, always signed: +2.4 pts, -5, +0.12.</summary>
    public string Difference(string kpiOrMetric, double? difference)
    {
        if (difference is not { } d)
        {
            return string.Empty;
        }

        var unit = UnitOf(kpiOrMetric);
        var number = unit switch
        {
            MetricUnit.Percent => d.ToString("+0.0;-0.0;0.0", Invariant),
            MetricUnit.NetScore => d.ToString("+0;-0;0", Invariant),
            MetricUnit.Mean => d.ToString("+0.00;-0.00;0.00", Invariant),
            _ => d.ToString("+0.0;-0.0;0.0", Invariant),
        };
        return unit == MetricUnit.Percent ? number + " pts" : number;
    }

    /// <summary>The target with its direction: "≥ 80.0%" or "≤ 2.50".</summary>
    public string Target(MetricResult kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        return $"{(IsLowerBetter(kpi) ? "≤" : "≥")} {Format(UnitOf(kpi.Id), kpi.Target)}";
    }

    /// <summary>Whether smaller values are better for this KPI.</summary>
    public static bool IsLowerBetter(MetricResult kpi) => string.Equals(kpi.Direction, "lower", StringComparison.Ordinal);

    /// <summary>Whether a change is an improvement, a deterioration or neither, given which way is better.</summary>
    public static Trend TrendOf(MetricResult kpi, double? change)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        if (change is not { } c || c == 0)
        {
            return Trend.Flat;
        }

        return (c > 0) != IsLowerBetter(kpi) ? Trend.Better : Trend.Worse;
    }

    /// <summary>"p = 0.034", "p &lt; 0.001"; empty when untested.</summary>
    public static string PValue(double? p) => p switch
    {
        null => string.Empty,
        < 0.001 => "p < 0.001",
        var v => "p = " + v.Value.ToString("0.000", Invariant),
    };

    /// <summary>The p-value alone, for a column headed p: "0.034", "&lt; 0.001"; empty when untested.</summary>
    public static string PValueFigure(double? p) => p switch
    {
        null => string.Empty,
        < 0.001 => "< 0.001",
        var v => v.Value.ToString("0.000", Invariant),
    };

    /// <summary>The status in one plain sentence, from the review, or for reviews stored before it had one, the note or the status word.</summary>
    public static string StatusSentence(MetricResult kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        return kpi.StatusText ?? kpi.Note ?? Status(kpi.Status) + ".";
    }

    /// <summary>The status in words: Met, At risk, Missed, Not enough data.</summary>
    public static string Status(string status) => status switch
    {
        KpiStatus.Met => "Met",
        KpiStatus.AtRisk => "At risk",
        KpiStatus.Missed => "Missed",
        KpiStatus.NotEnoughData => "Not enough data",
        var other => Capitalise(Words(other)),
    };

    /// <summary>The reason a response was excluded, in words.</summary>
    public static string ExclusionReason(string reason) => reason switch
    {
        "outside_window" => "Outside the cycle window",
        "out_of_range" => "Answer out of range",
        "incomplete" => "Incomplete",
        "speeder" => "Answered too fast",
        "duplicate" => "Duplicate",
        "straight_lined" => "Same answer to every scale question",
        var other => Capitalise(Words(other)),
    };

    /// <summary>A share of a whole, "91.6%"; empty when the whole is zero.</summary>
    public static string Share(long part, long whole) =>
        whole == 0 ? string.Empty : (100.0 * part / whole).ToString("0.0", Invariant) + "%";

    /// <summary>A plain percentage, "42.5%".</summary>
    public static string Percent(double value) => value.ToString("0.0", Invariant) + "%";

    /// <summary>A count, "1,204".</summary>
    public static string Count(long value) => value.ToString("#,0", Invariant);

    /// <summary>A signed count change, "+3", "-2", "0".</summary>
    public static string CountChange(long value) => value.ToString("+#,0;-#,0;0", Invariant);

    /// <summary>A day, "1 Oct 2026".</summary>
    public static string Day(DateOnly day) => day.ToString("d MMM yyyy", Invariant);

    /// <summary>A cycle's days, "1 Oct 2026 – 31 Oct 2026": the end is exclusive, so a midnight end shows the day before.</summary>
    public static string Period(DateTime start, DateTime end)
    {
        var first = DateOnly.FromDateTime(start);
        var last = DateOnly.FromDateTime(end.TimeOfDay == TimeSpan.Zero && end > start ? end.AddDays(-1) : end);
        return $"{Day(first)} – {Day(last)}";
    }

    /// <summary>An instant in UTC, "2026-11-02 08:30 UTC".</summary>
    public static string Instant(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        return utc.ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant);
    }

    /// <summary>The figures a finding rests on, in one line.</summary>
    public string Evidence(Evidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var metric = evidence.Metric;
        var parts = new List<string>();
        var headline = $"{evidence.Label ?? NameOf(metric)} {Value(metric, evidence.Value)}";
        var detail = new List<string>();
        if (Interval(metric, evidence.Ci95) is { Length: > 0 } interval)
        {
            detail.Add($"95% interval {interval}");
        }

        detail.Add($"n = {Count(evidence.N)}");
        parts.Add($"{headline} ({string.Join(", ", detail)})");
        if (evidence.Target is { } target)
        {
            parts.Add(Kpi(metric) is { } kpi ? $"target {Target(kpi)}" : $"target {Format(UnitOf(metric), target)}");
        }

        if (evidence.Previous is { } previous)
        {
            var change = evidence.Change is null ? string.Empty : $", change {Difference(metric, evidence.Change)}";
            var p = evidence.PValue is null ? string.Empty : $" ({PValue(evidence.PValue)})";
            parts.Add($"previous {Format(UnitOf(metric), previous)}{change}{p}");
        }

        return string.Join("; ", parts);
    }

    /// <summary>The priority in words: High, Medium, Low.</summary>
    public static string Priority(string priority) => Capitalise(Words(priority));

    /// <summary>snake_case in words: "waiting_time" → "waiting time".</summary>
    /// <summary>An answer value as the respondent saw it: "4 – agree" for a worded scale point, else the value.</summary>
    public static string Answer(ValueCount count)
    {
        ArgumentNullException.ThrowIfNull(count);
        return ScaleWords.Label(count.Value, count.Label);
    }

    public static string Words(string key) => key.Replace('_', ' ').Trim();

    /// <summary>The first letter in capitals.</summary>
    public static string Capitalise(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
}
