namespace FeedbackBot.Core.Scorecards;

/// <summary>How far one evaluator's scores lie from the other evaluators' on the same interactions.</summary>
/// <param name="Evaluator">Who.</param>
/// <param name="Evaluations">How many of their scores had another evaluator's score to compare with.</param>
/// <param name="MeanAbsoluteDeviation">The mean of |own score − mean of the others' scores|, in score points; null when none.</param>
public sealed record EvaluatorDeviation(string Evaluator, int Evaluations, double? MeanAbsoluteDeviation);
