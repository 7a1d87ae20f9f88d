namespace FeedbackBot.Core.History;

/// <summary>
/// One completed cycle's figure for a KPI, as its review reports it: the chart is drawn over these.
/// </summary>
/// <param name="CycleStart">First instant in the cycle.</param>
/// <param name="CycleEnd">First instant after it.</param>
/// <param name="Value">The KPI's value in the cycle, in its unit (percent 0–100, NPS −100–100, or a mean).</param>
/// <param name="N">Answers (or observations) the value rests on.</param>
/// <param name="Ci95">The value's 95% interval as [low, high], as the review reports it.</param>
/// <param name="Successes">
/// For a proportion, the answers counted as successes: the p-chart pools these rather than the rounded percentages,
/// so its centre line is the exact pooled share. Null for NPS and means.
/// </param>
public sealed record CycleFigure(DateTime CycleStart, DateTime CycleEnd, double Value, long N, IReadOnlyList<double> Ci95, long? Successes = null);
