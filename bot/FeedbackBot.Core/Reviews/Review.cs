using System.Text.Json.Serialization;

namespace FeedbackBot.Core.Reviews;

/// <summary>
/// One review of one cycle of a plan: what was collected, how usable it was, each KPI against its agreed target,
/// the themes in comments, and the strengths, shortfalls, gaps and recommendations that follow. It is a snapshot:
/// re-running a review makes a new one. Its JSON form is the contract documented in docs/review-json.md.
/// </summary>
/// <param name="Plan">The plan and version reviewed.</param>
/// <param name="Cycle">The cycle reviewed, and the previous one it is compared with.</param>
/// <param name="Validation">Received, usable, exclusions and representativeness.</param>
/// <param name="Metrics">Each KPI of the plan against its target.</param>
/// <param name="Distributions">The answers to each question.</param>
/// <param name="Segments">KPIs per segment, for segments at or above the minimum group size.</param>
/// <param name="Themes">Themes in comments.</param>
/// <param name="Complaints">The complaints log over the cycle, when the plan collects complaints.</param>
/// <param name="Strengths">What is going well, with evidence.</param>
/// <param name="Shortfalls">What falls short, with evidence.</param>
/// <param name="Gaps">Where sources disagree about the same feature.</param>
/// <param name="Recommendations">What to do next, prioritised, each with its evidence.</param>
/// <param name="QualityMonitoring">
/// What QA evaluations of the cycle's interactions say, team-level only; null when the plan has no scorecards or no
/// evaluation falls in the cycle. Left out of the JSON when null, so reviews of plans without scorecards read as before.
/// </param>
/// <param name="Actions">
/// What each improvement action implemented before the cycle did to its KPI; null (left out of the JSON) when the plan
/// has none.
/// </param>
/// <param name="Value">What the figures are worth in money, from the plan's <c>value</c> section; null without one.</param>
/// <param name="Drivers">
/// Which questions go with the plan's outcome, in an importance–performance matrix; null (left out of the JSON) when
/// the plan has no outcome or too few answered it with another question.
/// </param>
/// <param name="QuestionChanges">
/// Each scale and yes/no question's change on the previous cycle, with its test; empty without a previous cycle, null in
/// reviews stored before it was added.
/// </param>
public sealed record Review(
    ReviewPlan Plan,
    ReviewCycle Cycle,
    ValidationReport Validation,
    IReadOnlyList<MetricResult> Metrics,
    IReadOnlyList<QuestionDistribution> Distributions,
    IReadOnlyList<SegmentMetric> Segments,
    ThemeReport Themes,
    ComplaintReport? Complaints,
    IReadOnlyList<Finding> Strengths,
    IReadOnlyList<Finding> Shortfalls,
    IReadOnlyList<Gap> Gaps,
    IReadOnlyList<Recommendation> Recommendations,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] QualityMonitoring? QualityMonitoring = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ActionOutcome>? Actions = null,
    ValueAtStake? Value = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Drivers? Drivers = null,
    IReadOnlyList<QuestionChange>? QuestionChanges = null);

/// <summary>The plan a review is of.</summary>
/// <param name="Id">The plan's id.</param>
/// <param name="Name">The plan's name.</param>
/// <param name="Version">The plan version the cycle ran under.</param>
/// <param name="MinimumGroupSize">No group smaller than this is reported.</param>
public sealed record ReviewPlan(string Id, string Name, int Version, int MinimumGroupSize);

/// <summary>The window of a cycle: start inclusive, end exclusive, UTC.</summary>
/// <param name="Start">First instant in the cycle.</param>
/// <param name="End">First instant after it.</param>
public sealed record CycleSpan(DateTime Start, DateTime End);

/// <summary>The cycle reviewed.</summary>
/// <param name="Start">First instant in the cycle.</param>
/// <param name="End">First instant after it.</param>
/// <param name="Previous">The cycle compared with, if any.</param>
/// <param name="Provisional">
/// The cycle was still open when it was reviewed: answers may still arrive, so every figure may change.
/// </param>
public sealed record ReviewCycle(DateTime Start, DateTime End, CycleSpan? Previous, bool Provisional = false);
