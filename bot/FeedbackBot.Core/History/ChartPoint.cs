namespace FeedbackBot.Core.History;

/// <summary>One cycle on a control chart: its figure, the centre line and limits that apply to it, and whether it signals.</summary>
/// <param name="CycleStart">First instant in the cycle.</param>
/// <param name="CycleEnd">First instant after it.</param>
/// <param name="Value">The KPI's value in the cycle.</param>
/// <param name="N">Answers (or observations) the value rests on.</param>
/// <param name="Ci95">The value's 95% interval as [low, high].</param>
/// <param name="Center">The centre line.</param>
/// <param name="Ucl">The upper control limit; null when there are too few points for limits.</param>
/// <param name="Lcl">The lower control limit; null when there are too few points for limits.</param>
/// <param name="BeyondLimit">The value lies above the upper or below the lower limit.</param>
/// <param name="InRun">The point belongs to a run of eight or more consecutive points on one side of the centre line.</param>
public sealed record ChartPoint(
    DateTime CycleStart,
    DateTime CycleEnd,
    double Value,
    long N,
    IReadOnlyList<double> Ci95,
    double Center,
    double? Ucl,
    double? Lcl,
    bool BeyondLimit,
    bool InRun)
{
    /// <summary>Whether the point is a signal of special-cause variation: beyond a limit or part of a run.</summary>
    public bool Signal => BeyondLimit || InRun;
}
