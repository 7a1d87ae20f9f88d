using System.Text.Json;
using FeedbackBot.Core.History;
using FeedbackBot.Core.Serialization;

namespace FeedbackBot.Core.Tests.History;

public sealed class HistoryJsonTests
{
    [Fact]
    public void Serialize_OneCycleIndividualsChart_WritesTheContractKeysWithNullLimits()
    {
        var start = new DateTime(2026, 10, 12, 0, 0, 0, DateTimeKind.Utc);
        var chart = ControlCharts.Build("customer-experience", "ces", ChartKind.Individuals, [new CycleFigure(start, start.AddDays(7), 2.4567, 40, [2.2, 2.7])]);

        using var json = JsonDocument.Parse(HistoryJson.Serialize(chart, decimals: 2));

        var root = json.RootElement;
        Assert.Equal("individuals", root.GetProperty("chart").GetString());
        var point = Assert.Single(root.GetProperty("points").EnumerateArray().ToList());
        Assert.Equal(
            ["cycle_start", "cycle_end", "value", "n", "ci95", "center", "ucl", "lcl", "signal"],
            point.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-10-12T00:00:00Z", point.GetProperty("cycle_start").GetString());
        Assert.Equal(2.46, point.GetProperty("center").GetDouble());
        Assert.Equal(JsonValueKind.Null, point.GetProperty("ucl").ValueKind);
        Assert.Equal(JsonValueKind.Null, point.GetProperty("lcl").ValueKind);
        Assert.False(point.GetProperty("signal").GetBoolean());
    }
}
