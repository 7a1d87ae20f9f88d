namespace FeedbackBot.Core.Reviews;

/// <summary>
/// What the QA evaluations of a cycle's interactions say about the team, beside what customers say about the same
/// features. Reviews are posted to channels, so nothing here names or counts a person: no agent, no evaluator, no
/// per-agent figure. Rates are percentages from 0 to 100 with one decimal, like the review's other shares.
/// </summary>
/// <param name="Evaluations">How many evaluations, on the plan's scorecards, of interactions in the cycle.</param>
/// <param name="AverageScore">Their mean score; null when none has a score (every criterion not applicable).</param>
/// <param name="PassRate">The share of scored evaluations at or above their scorecard's pass mark.</param>
/// <param name="CriticalFailRate">The share of scored evaluations failed by a critical criterion.</param>
/// <param name="Features">Each service feature some criterion bears on, in plan order.</param>
/// <param name="FailedCriteria">The most-failed criteria, lowest pass rate first; each is also a shortfall.</param>
public sealed record QualityMonitoring(
    int Evaluations,
    double? AverageScore,
    double? PassRate,
    double? CriticalFailRate,
    IReadOnlyList<QaFeatureResult> Features,
    IReadOnlyList<QaFailedCriterion> FailedCriteria);

/// <summary>One feature as evaluators and customers see it.</summary>
/// <param name="Feature">The plan's service feature.</param>
/// <param name="QaPassRate">Criteria of the feature passed, as a share of their applicable answers; null when none applied.</param>
/// <param name="QaN">The applicable answers it rests on (one evaluation answers every criterion of its scorecard).</param>
/// <param name="QaCi95">The Wilson 95% interval of <paramref name="QaPassRate"/>; null when none applied.</param>
/// <param name="CustomerScore">
/// The share of customers rating the feature 4 or 5 on its five-point questions (as the staff–customer gap reads
/// them); null when the plan asks customers none, or fewer than the minimum group size answered.
/// </param>
/// <param name="CustomerN">The customers' answers <paramref name="CustomerScore"/> rests on; null with it.</param>
/// <param name="Gap">The customers' score minus the QA pass rate, in points; negative when evaluators see the feature better than customers feel it; null unless both exist.</param>
public sealed record QaFeatureResult(
    string Feature,
    double? QaPassRate,
    int QaN,
    IReadOnlyList<double>? QaCi95,
    double? CustomerScore,
    long? CustomerN,
    double? Gap);

/// <summary>A criterion that failed often enough to be a shortfall.</summary>
/// <param name="Scorecard">The scorecard's id, since criterion ids are unique only within one.</param>
/// <param name="Id">The criterion's id.</param>
/// <param name="Text">What evaluators check, as the scorecard words it.</param>
/// <param name="Feature">The service feature it bears on.</param>
/// <param name="Applicable">Evaluations that answered it with something other than not applicable.</param>
/// <param name="Passed">How many of those passed it (yes, or a rating of 4 or 5).</param>
/// <param name="PassRate">Passed as a percentage of applicable.</param>
public sealed record QaFailedCriterion(
    string Scorecard,
    string Id,
    string Text,
    string Feature,
    int Applicable,
    int Passed,
    double PassRate);
