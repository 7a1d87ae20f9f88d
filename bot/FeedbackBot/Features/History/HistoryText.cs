using System.Globalization;
using System.Text;
using FeedbackBot.Core.History;
using FeedbackBot.Core.Reviews;
using FeedbackBot.Features.Cycles;

namespace FeedbackBot.Features.History;

/// <summary>A KPI's history as plain text for the terminal: one line per cycle, then the signals in words.</summary>
internal static class HistoryText
{
    public static string Render(KpiHistory history)
    {
        var chart = history.Chart;
        var metric = history.Kpi.Metric;
        string F(double? value) => value is { } v ? MetricNames.Format(metric, v) : "-";
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{history.Name} ({chart.Kpi}) of {chart.Plan} over {chart.Points.Count} completed cycle(s): ")
            .Append(chart.Kind == ChartKind.P ? "p-chart, centre line the pooled share" : "individuals chart, centre line the mean of the cycles")
            .Append(CultureInfo.InvariantCulture, $" = {F(chart.Points[0].Center)}.\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{"Cycle",-24} {"Value",8} {"n",6} {"95% interval",-18} {"LCL",8} {"UCL",8}  Signal\n");
        foreach (var point in chart.Points)
        {
            var interval = $"[{F(point.Ci95[0])}, {F(point.Ci95[1])}]";
            text.Append(CultureInfo.InvariantCulture, $"{CycleDates.Describe(point.CycleStart, point.CycleEnd),-24} {F(point.Value),8} {point.N,6} {interval,-18} {F(point.Lcl),8} {F(point.Ucl),8}  {Signal(point)}\n");
        }

        text.Append('\n');
        var signals = chart.Points.Count(p => p.Signal);
        text.Append(signals == 0
            ? "No signals: every cycle lies within the limits and no run of eight is on one side of the centre line."
            : string.Create(CultureInfo.InvariantCulture, $"{signals} signal(s) of a real change rather than noise: see the marked cycles."));
        text.Append('\n');
        if (chart.Points.Count < 2 && chart.Kind == ChartKind.Individuals)
        {
            text.Append("One cycle has no moving range, so there are no limits yet.\n");
        }

        if (history.Withheld.Count > 0)
        {
            text.Append("Left out, without a figure in their review: ")
                .Append(string.Join(", ", history.Withheld.Select(c => CycleDates.Describe(c.Start, c.End))))
                .Append(".\n");
        }

        foreach (var (number, title, on) in history.Actions)
        {
            text.Append(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Action {number} went live on {on:yyyy-MM-dd}: {title}\n"));
        }

        return text.ToString();
    }

    /// <summary>Why a point is a signal, in a word or two; empty when it is not.</summary>
    public static string Signal(ChartPoint point) => (point.BeyondLimit, point.InRun) switch
    {
        (true, true) => point.Value > point.Ucl ? "above UCL; run of 8+" : "below LCL; run of 8+",
        (true, false) => point.Value > point.Ucl ? "above UCL" : "below LCL",
        (false, true) => "run of 8+",
        _ => string.Empty,
    };
}
