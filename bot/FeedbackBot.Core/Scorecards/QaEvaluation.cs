namespace FeedbackBot.Core.Scorecards;

/// <summary>One evaluation of an interaction against a scorecard, as reports and calibration read it.</summary>
/// <param name="EvaluationId">The evaluation's own id (the import's <c>evaluation_id</c>).</param>
/// <param name="InteractionId">The interaction evaluated: a ticket or call id. Evaluations sharing it are compared in calibration.</param>
/// <param name="Agent">Who handled the interaction.</param>
/// <param name="Evaluator">Who evaluated it.</param>
/// <param name="Scorecard">The scorecard's id.</param>
/// <param name="Channel">The interaction's channel.</param>
/// <param name="EvaluatedAt">When it was evaluated, UTC.</param>
/// <param name="Answers">The answer to every criterion, by criterion id.</param>
/// <param name="Result">The score the answers give on the scorecard (<see cref="Scorecard.Score"/>).</param>
public sealed record QaEvaluation(
    string EvaluationId,
    string InteractionId,
    string Agent,
    string Evaluator,
    string Scorecard,
    InteractionChannel Channel,
    DateTime EvaluatedAt,
    IReadOnlyDictionary<string, CriterionAnswer> Answers,
    EvaluationScore Result);
