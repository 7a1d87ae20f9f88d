using System.Text.Json;
using System.Text.Json.Serialization;
using FeedbackBot.Core.History;

namespace FeedbackBot.Core.Serialization;

/// <summary>
/// The JSON form of a KPI's history: <c>plan</c>, <c>kpi</c>, <c>chart</c> ("p" or "individuals") and <c>points[]</c>
/// with <c>cycle_start</c>, <c>cycle_end</c>, <c>value</c>, <c>n</c>, <c>ci95</c>, <c>center</c>, <c>ucl</c>,
/// <c>lcl</c> and <c>signal</c>. Instants are ISO 8601 UTC with a Z, as in a review.
/// </summary>
public static class HistoryJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>
    /// Writes the chart indented, with the centre line and limits rounded to <paramref name="decimals"/> (the KPI's
    /// own, so they read like its values).
    /// </summary>
    public static string Serialize(ControlChart chart, int decimals)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var document = new Document(
            chart.Plan,
            chart.Kpi,
            chart.Kind == ChartKind.P ? "p" : "individuals",
            [.. chart.Points.Select(p => new Point(
                p.CycleStart,
                p.CycleEnd,
                p.Value,
                p.N,
                p.Ci95,
                Round(p.Center, decimals),
                p.Ucl is { } ucl ? Round(ucl, decimals) : null,
                p.Lcl is { } lcl ? Round(lcl, decimals) : null,
                p.Signal))]);
        return JsonSerializer.Serialize(document, Options);
    }

    private static double Round(double value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            WriteIndented = true,
        };
        options.Converters.Add(new UtcDateTimeConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed record Document(string Plan, string Kpi, string Chart, IReadOnlyList<Point> Points);

    private sealed record Point(
        DateTime CycleStart, DateTime CycleEnd, double Value, long N, IReadOnlyList<double> Ci95, double Center, double? Ucl, double? Lcl, bool Signal);
}
