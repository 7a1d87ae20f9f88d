namespace FeedbackBot.Core.Scorecards;

/// <summary>The outcome of one evaluation against its scorecard.</summary>
/// <param name="Score">
/// 100 × Σ(weight × criterion score) / Σ(weight) over the applicable criteria, from 0 to 100; 0 after a critical fail;
/// null when every criterion was not applicable, because there is nothing to score (such an evaluation is counted but
/// left out of every average and rate).
/// </param>
/// <param name="CriticalFail">Whether a critical criterion was answered "no".</param>
/// <param name="Passed">Whether the score is at or above the pass mark without a critical fail; null when there is no score.</param>
public sealed record EvaluationScore(double? Score, bool CriticalFail, bool? Passed);
