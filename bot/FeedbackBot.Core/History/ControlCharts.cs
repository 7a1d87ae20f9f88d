namespace FeedbackBot.Core.History;

/// <summary>
/// Shewhart control charts over a KPI's cycles: a p-chart for shares, an individuals (XmR) chart otherwise, with the
/// two signals a manager can act on: a point beyond a limit, and a run of eight on one side of the centre line.
/// See docs/statistics.md, "History and control charts".
/// </summary>
public static class ControlCharts
{
    /// <summary>How many consecutive points on one side of the centre line make a run.</summary>
    public const int RunLength = 8;

    /// <summary>The XmR constant: 3 / d₂ with d₂ = 1.128 for moving ranges of two points.</summary>
    public const double MovingRangeFactor = 2.66;

    /// <summary>The chart of the given kind over the cycles, in the order given.</summary>
    /// <exception cref="ArgumentException">A p-chart is asked for and a cycle has no successes or no answers.</exception>
    public static ControlChart Build(string plan, string kpi, ChartKind kind, IReadOnlyList<CycleFigure> cycles) =>
        new(plan, kpi, kind, kind == ChartKind.P ? PChart(cycles) : Individuals(cycles));

    /// <summary>
    /// A p-chart: centre p̄ = Σ successes / Σ n over the cycles (as a percentage), and for each cycle the limits
    /// p̄ ± 3·√(p̄(1 − p̄)/nᵢ), clipped to 0–100.
    /// </summary>
    /// <exception cref="ArgumentException">A cycle has no successes or no answers.</exception>
    public static IReadOnlyList<ChartPoint> PChart(IReadOnlyList<CycleFigure> cycles)
    {
        ArgumentNullException.ThrowIfNull(cycles);
        if (cycles.Count == 0)
        {
            return [];
        }

        if (cycles.Any(c => c.Successes is null || c.N <= 0))
        {
            throw new ArgumentException("A p-chart needs each cycle's successes and a positive n.", nameof(cycles));
        }

        var pooled = (double)cycles.Sum(c => c.Successes!.Value) / cycles.Sum(c => c.N);
        var center = 100 * pooled;
        var limits = cycles.Select(c =>
        {
            var spread = 100 * 3 * Math.Sqrt(pooled * (1 - pooled) / c.N);
            return ((double?)Math.Min(100, center + spread), (double?)Math.Max(0, center - spread));
        }).ToList();
        return Mark(cycles, center, limits);
    }

    /// <summary>
    /// An individuals chart: centre the mean of the values, limits centre ± 2.66 × the mean moving range
    /// |xᵢ − xᵢ₋₁|. With fewer than two points there is no moving range, so no limits.
    /// </summary>
    public static IReadOnlyList<ChartPoint> Individuals(IReadOnlyList<CycleFigure> cycles)
    {
        ArgumentNullException.ThrowIfNull(cycles);
        if (cycles.Count == 0)
        {
            return [];
        }

        var center = cycles.Average(c => c.Value);
        (double? Ucl, double? Lcl) limit = (null, null);
        if (cycles.Count >= 2)
        {
            var meanRange = Enumerable.Range(1, cycles.Count - 1).Average(i => Math.Abs(cycles[i].Value - cycles[i - 1].Value));
            limit = (center + MovingRangeFactor * meanRange, center - MovingRangeFactor * meanRange);
        }

        return Mark(cycles, center, [.. cycles.Select(_ => limit)]);
    }

    private static List<ChartPoint> Mark(IReadOnlyList<CycleFigure> cycles, double center, List<(double? Ucl, double? Lcl)> limits)
    {
        var inRun = RunMembers(cycles.Select(c => Math.Sign(c.Value - center)).ToList());
        return [.. cycles.Select((c, i) => new ChartPoint(
            c.CycleStart,
            c.CycleEnd,
            c.Value,
            c.N,
            c.Ci95,
            center,
            limits[i].Ucl,
            limits[i].Lcl,
            c.Value > limits[i].Ucl || c.Value < limits[i].Lcl,
            inRun[i]))];
    }

    /// <summary>
    /// Marks every point of each run of <see cref="RunLength"/> or more on one side, the first seven included: the run
    /// as a whole is the evidence of a shift, and it started with its first point. A point on the centre line
    /// (side 0) belongs to no side and ends a run.
    /// </summary>
    private static bool[] RunMembers(List<int> sides)
    {
        var marked = new bool[sides.Count];
        var start = 0;
        for (var i = 1; i <= sides.Count; i++)
        {
            if (i < sides.Count && sides[i] != 0 && sides[i] == sides[start])
            {
                continue;
            }

            if (sides[start] != 0 && i - start >= RunLength)
            {
                Array.Fill(marked, true, start, i - start);
            }

            start = i;
        }

        return marked;
    }
}
