using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace FeedbackBot.Features.Reviews.Rendering;

/// <summary>
/// What the page's script draws, as data: the figures of each chart by the id of its canvas. The page carries it
/// as JSON in a non-executable script element, written with an encoder that escapes &lt; &gt; &amp; and quotes, so no
/// text from a review can close the element or start markup.
/// </summary>
internal sealed record ReviewChartData(
    IReadOnlyList<KpiChart> Kpis,
    IReadOnlyList<DistributionChart> Distributions,
    ThemeChart? Themes,
    ComplaintChart? Complaints)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string KpiCanvas(int index) => $"kpi-chart-{index}";

    public static string DistributionCanvas(int index) => $"answers-chart-{index}";

    public const string ThemeCanvas = "themes-chart";

    public const string ComplaintCanvas = "complaints-chart";

    public static ReviewChartData From(ReviewText text)
    {
        var review = text.Review;
        var kpis = review.Metrics.Select((kpi, i) => new KpiChart(
            KpiCanvas(i),
            ReviewText.Name(kpi),
            UnitName(text.UnitOf(kpi.Id)),
            kpi.Target,
            kpi.Direction,
            kpi.Previous,
            kpi.Value,
            kpi.Ci95 is [var low, _] ? low : null,
            kpi.Ci95 is [_, var high] ? high : null,
            kpi.Status)).ToList();

        var distributions = review.Distributions
            .Select((question, i) => (question, i))
            .Where(d => !d.question.Suppressed && d.question.Counts.Count > 0)
            .Select(d => new DistributionChart(
                DistributionCanvas(d.i),
                d.question.Type is "choice" or "multichoice" ? "bars" : "stacked",
                d.question.Type,
                [.. d.question.Counts.Select(ReviewText.Answer)],
                [.. d.question.Counts.Select(c => c.Count)],
                [.. d.question.Counts.Select(c => c.Percent)]))
            .ToList();

        var themes = review.Themes.Items.Where(t => !t.Suppressed && t.Count is not null).ToList();
        var themeChart = themes.Count == 0 ? null : new ThemeChart(
            ThemeCanvas,
            [.. themes.Select(t => t.Label)],
            [.. themes.Select(t => t.Negative ?? 0)],
            [.. themes.Select(t => t.Neutral ?? 0)],
            [.. themes.Select(t => t.Positive ?? 0)],
            [.. themes.Select(t => Math.Max(0, t.Count!.Value - (t.Negative ?? 0) - (t.Neutral ?? 0) - (t.Positive ?? 0)))]);

        var complaintChart = review.Complaints switch
        {
            { } complaints when ComplaintsByWeek(complaints) => new ComplaintChart(
                ComplaintCanvas,
                [.. complaints.PerWeek.Select(w => "Week of " + ReviewText.Day(w.WeekStart))],
                [.. complaints.PerWeek.Select(w => w.Count)],
                null),
            { ByCategory.Count: > 0 } complaints => new ComplaintChart(
                ComplaintCanvas,
                [.. complaints.ByCategory.Select(c => ReviewText.Capitalise(c.Category))],
                [.. complaints.ByCategory.Select(c => c.Count)],
                complaints.Previous is null ? null : [.. complaints.ByCategory.Select(c => c.Previous ?? 0)]),
            _ => null,
        };

        return new ReviewChartData(kpis, distributions, themeChart, complaintChart);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>
    /// Whether complaints are charted week by week. One week is one bar, which shows nothing a number would not, so
    /// a cycle of a week or less charts its categories instead, beside the previous cycle's.
    /// </summary>
    public static bool ComplaintsByWeek(Core.Reviews.ComplaintReport complaints) => complaints.PerWeek.Count >= 2;

    private static string UnitName(MetricUnit unit) => unit switch
    {
        MetricUnit.Percent => "percent",
        MetricUnit.NetScore => "net",
        MetricUnit.Mean => "mean",
        _ => "number",
    };
}

/// <summary>One KPI's chart: the previous and current value, the current 95% interval, and the target line.</summary>
internal sealed record KpiChart(
    string Canvas,
    string Name,
    string Unit,
    double Target,
    string Direction,
    double? Previous,
    double? Value,
    double? Low,
    double? High,
    string Status);

/// <summary>One question's answers: a 100% stacked bar for scales and yes/no, bars of counts for choices.</summary>
internal sealed record DistributionChart(
    string Canvas,
    string Layout,
    string Type,
    IReadOnlyList<string> Labels,
    IReadOnlyList<long> Counts,
    IReadOnlyList<double> Percents);

/// <summary>Mentions per theme, split by polarity; mentions without a polarity are counted apart.</summary>
internal sealed record ThemeChart(
    string Canvas,
    IReadOnlyList<string> Labels,
    IReadOnlyList<int> Negative,
    IReadOnlyList<int> Neutral,
    IReadOnlyList<int> Positive,
    IReadOnlyList<int> Unrated);

/// <summary>Complaints per week of the cycle, or per category with the previous cycle's beside them when known.</summary>
internal sealed record ComplaintChart(string Canvas, IReadOnlyList<string> Labels, IReadOnlyList<int> Counts, IReadOnlyList<int>? Previous);
