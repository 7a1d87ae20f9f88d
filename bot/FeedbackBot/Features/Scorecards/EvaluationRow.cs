using FeedbackBot.Core.Scorecards;

namespace FeedbackBot.Features.Scorecards;

/// <summary>One good row of an evaluations file, scored on its scorecard; <c>Calibration</c> when its purpose is calibration only.</summary>
internal sealed record EvaluationRow(
    string Key,
    string InteractionKey,
    string Agent,
    string Evaluator,
    string ScorecardId,
    string Channel,
    DateTime EvaluatedAt,
    DateTime? InteractionAt,
    IReadOnlyDictionary<string, CriterionAnswer> Answers,
    EvaluationScore Result,
    string WentWell,
    string ToImprove,
    bool Calibration = false);
