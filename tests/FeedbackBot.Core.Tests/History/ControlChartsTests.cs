using FeedbackBot.Core.History;
using FsCheck;
using FsCheck.Fluent;

namespace FeedbackBot.Core.Tests.History;

public sealed class ControlChartsTests
{
    private const double Tolerance = 1e-3;

    [Fact]
    public void PChart_ThreeCycles_MatchesTheHandFigures()
    {
        // p̄ = (40 + 45 + 30) / (50 + 60 + 40) = 115/150 = 0.766667; p̄(1 − p̄) = 0.178889.
        // n = 50: 3·√(0.178889/50) = 3 · 0.059815 = 0.179444 → 76.6667 ± 17.9444 = [58.7222, 94.6111].
        // n = 60: 3·√(0.178889/60) = 3 · 0.054603 = 0.163809 → [60.2857, 93.0475].
        // n = 40: 3·√(0.178889/40) = 3 · 0.066875 = 0.200624 → [56.6043, 96.7291].
        var points = ControlCharts.PChart([Share(40, 50, 0), Share(45, 60, 1), Share(30, 40, 2)]);

        Assert.All(points, p => Assert.Equal(76.6667, p.Center, Tolerance));
        Assert.Equal([94.6110, 93.0475, 96.7291], points.Select(p => p.Ucl!.Value), new Near(Tolerance));
        Assert.Equal([58.7223, 60.2858, 56.6043], points.Select(p => p.Lcl!.Value), new Near(Tolerance));
        Assert.DoesNotContain(points, p => p.Signal);
    }

    [Fact]
    public void PChart_PointAboveTheUpperLimit_IsASignal()
    {
        // p̄ = 60/300 = 0.2; 3·√(0.2 · 0.8/100) = 3 · 0.04 = 0.12 → limits [8, 32] for every cycle.
        // 40% is above 32: a signal; 10% is inside.
        var points = ControlCharts.PChart([Share(10, 100, 0), Share(10, 100, 1), Share(40, 100, 2)]);

        Assert.Equal(32, points[2].Ucl!.Value, Tolerance);
        Assert.Equal(8, points[2].Lcl!.Value, Tolerance);
        Assert.Equal([false, false, true], points.Select(p => p.Signal));
        Assert.True(points[2].BeyondLimit);
    }

    [Fact]
    public void PChart_SharesNearOneHundred_ClipsTheUpperLimitAt100()
    {
        // p̄ = 199/200 = 0.995; 3·√(0.995 · 0.005/100) = 3 · 0.0070534 = 0.021160 → 99.5 ± 2.116: UCL 101.616 → 100, LCL 97.384.
        var points = ControlCharts.PChart([Share(99, 100, 0), Share(100, 100, 1)]);

        Assert.All(points, p => Assert.Equal(100, p.Ucl));
        Assert.All(points, p => Assert.Equal(97.384, p.Lcl!.Value, Tolerance));
    }

    [Fact]
    public void PChart_SharesNearZero_ClipsTheLowerLimitAt0()
    {
        // p̄ = 1/200 = 0.005: 0.5 ± 2.116 → LCL −1.616 → 0, UCL 2.616.
        var points = ControlCharts.PChart([Share(1, 100, 0), Share(0, 100, 1)]);

        Assert.All(points, p => Assert.Equal(0, p.Lcl));
        Assert.All(points, p => Assert.Equal(2.616, p.Ucl!.Value, Tolerance));
    }

    [Fact]
    public void Individuals_FourMeans_MatchesTheHandFigures()
    {
        // Centre = (4.0 + 4.2 + 3.9 + 4.3)/4 = 4.1; moving ranges 0.2, 0.3, 0.4, mean 0.3;
        // limits 4.1 ± 2.66 · 0.3 = 4.1 ± 0.798 = [3.302, 4.898].
        var points = ControlCharts.Individuals([Mean(4.0, 0), Mean(4.2, 1), Mean(3.9, 2), Mean(4.3, 3)]);

        Assert.All(points, p => Assert.Equal(4.1, p.Center, Tolerance));
        Assert.All(points, p => Assert.Equal(4.898, p.Ucl!.Value, Tolerance));
        Assert.All(points, p => Assert.Equal(3.302, p.Lcl!.Value, Tolerance));
        Assert.DoesNotContain(points, p => p.Signal);
    }

    [Fact]
    public void Individuals_OnePoint_HasNoLimitsAndNoSignal()
    {
        var point = Assert.Single(ControlCharts.Individuals([Mean(4.2, 0)]));

        Assert.Equal(4.2, point.Center, Tolerance);
        Assert.Null(point.Ucl);
        Assert.Null(point.Lcl);
        Assert.False(point.Signal);
    }

    [Fact]
    public void Individuals_EightInARowBelowTheCentre_MarksEveryPointOfTheRun()
    {
        // Values 2, 1 ×8, 3: centre = 13/10 = 1.3, so the eight 1s are all below it.
        // Moving ranges 1, 0 ×7, 2: mean 3/9 = 0.3333; limits 1.3 ± 0.8867 = [0.4133, 2.1867]: the last point (3) is beyond.
        double[] values = [2, 1, 1, 1, 1, 1, 1, 1, 1, 3];
        var points = ControlCharts.Individuals([.. values.Select(Mean)]);

        Assert.Equal([false, true, true, true, true, true, true, true, true, false], points.Select(p => p.InRun));
        Assert.Equal([false, false, false, false, false, false, false, false, false, true], points.Select(p => p.BeyondLimit));
        Assert.Equal(2.1867, points[0].Ucl!.Value, Tolerance);
        Assert.Equal(9, points.Count(p => p.Signal));
    }

    [Fact]
    public void Individuals_SevenInARowBelowTheCentre_IsNoRun()
    {
        // Values 2, 1 ×7, 3: centre 12/9 = 1.333; seven below is one short of a run.
        double[] values = [2, 1, 1, 1, 1, 1, 1, 1, 3];
        var points = ControlCharts.Individuals([.. values.Select(Mean)]);

        Assert.DoesNotContain(points, p => p.InRun);
    }

    [Fact]
    public void Individuals_APointOnTheCentreLine_BreaksTheRun()
    {
        // Values 0 ×4, 2, 0 ×4, 10, 10: centre = 22/11 = 2, so the fifth point lies on the line and counts for no side:
        // the eight 0s below it are two runs of four, not one of eight.
        double[] values = [0, 0, 0, 0, 2, 0, 0, 0, 0, 10, 10];
        var points = ControlCharts.Individuals([.. values.Select(Mean)]);

        Assert.DoesNotContain(points, p => p.InRun);
    }

    [Fact]
    public void PChart_AnyCounts_LimitsStayWithin0To100AroundTheCentre()
    {
        var cycle = Gen.Choose(1, 5000).SelectMany(n => Gen.Choose(0, n).Select(s => (S: s, N: n)));
        var cycles = Gen.ListOf(cycle).Where(c => c.Count > 0);

        Prop.ForAll(cycles.ToArbitrary(), c =>
        {
            var points = ControlCharts.PChart([.. c.Select((x, i) => Share(x.S, x.N, i))]);
            return points.All(p => p.Lcl >= 0 && p.Lcl <= p.Center + 1e-9 && p.Ucl <= 100 && p.Ucl >= p.Center - 1e-9);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Build_Proportion_UsesThePChartAndKeepsTheCycleOrder()
    {
        var chart = ControlCharts.Build("customer-experience", "csat", ChartKind.P, [Share(40, 50, 0), Share(45, 60, 1)]);

        Assert.Equal(ChartKind.P, chart.Kind);
        Assert.Equal([Week(0), Week(1)], chart.Points.Select(p => p.CycleStart));
        Assert.Equal([80, 75], chart.Points.Select(p => p.Value));
    }

    private static DateTime Week(int index) => new DateTime(2026, 10, 5, 0, 0, 0, DateTimeKind.Utc).AddDays(7 * index);

    private static CycleFigure Share(long successes, long n, int index) =>
        new(Week(index), Week(index + 1), 100.0 * successes / n, n, [0, 100], successes);

    private static CycleFigure Mean(double value, int index) => new(Week(index), Week(index + 1), value, 30, [value - 0.5, value + 0.5]);

    private sealed class Near(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
