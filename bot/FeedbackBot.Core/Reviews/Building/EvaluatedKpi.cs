using FeedbackBot.Core.Analysis.Statistics;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Reviews.Building;

/// <summary>A KPI with the estimates behind its reported result, for the findings and recommendations that follow.</summary>
/// <param name="Kpi">The KPI.</param>
/// <param name="Feature">The service feature it bears on, if any.</param>
/// <param name="Current">This cycle's estimate, when there is enough data.</param>
/// <param name="Previous">The previous cycle's estimate, when there is enough data.</param>
/// <param name="Trend">The test of the change, when both exist.</param>
/// <param name="Result">What the review reports.</param>
public sealed record EvaluatedKpi(
    Kpi Kpi,
    string? Feature,
    KpiEstimate? Current,
    KpiEstimate? Previous,
    TestResult? Trend,
    MetricResult Result);
