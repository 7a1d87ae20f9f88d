namespace FeedbackBot.Core.Plans;

/// <summary>A key performance indicator with its agreed target: one of the service standards.</summary>
/// <param name="Id">Stable identifier within the plan.</param>
/// <param name="Metric">How it is computed.</param>
/// <param name="OperationalMetric">For <see cref="KpiMetric.Operational"/>, the imported metric's name; null otherwise.</param>
/// <param name="Question">The question it is computed from; null for response rate and operational metrics.</param>
/// <param name="Target">The agreed standard, in the metric's unit (percentages 0–100, NPS −100–100, means on the question's scale).</param>
/// <param name="Direction">Which way is better.</param>
public sealed record Kpi(
    string Id,
    KpiMetric Metric,
    string? OperationalMetric,
    string? Question,
    double Target,
    KpiDirection Direction);
