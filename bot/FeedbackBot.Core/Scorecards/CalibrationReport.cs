namespace FeedbackBot.Core.Scorecards;

/// <summary>How well the evaluators of one scorecard agree, from the interactions two or more of them scored.</summary>
/// <param name="Scorecard">The scorecard's id.</param>
/// <param name="ScoreAlpha">Krippendorff's alpha of the evaluation scores (interval); null when undefined.</param>
/// <param name="Interactions">How many interactions the score alpha rests on (two or more scores each).</param>
/// <param name="Reliable">Whether the score alpha is at least <see cref="Calibration.ReliableAlpha"/>; false when undefined.</param>
/// <param name="Criteria">The agreement on each criterion, in scorecard order.</param>
/// <param name="Evaluators">Each evaluator's deviation from the others, by evaluator.</param>
public sealed record CalibrationReport(
    string Scorecard,
    double? ScoreAlpha,
    int Interactions,
    bool Reliable,
    IReadOnlyList<CriterionAgreement> Criteria,
    IReadOnlyList<EvaluatorDeviation> Evaluators);
