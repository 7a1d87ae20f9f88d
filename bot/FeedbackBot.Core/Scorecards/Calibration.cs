using FeedbackBot.Core.Analysis.Statistics;

namespace FeedbackBot.Core.Scorecards;

/// <summary>
/// Whether a scorecard's evaluators agree well enough for their evaluations to be trusted: several evaluators score
/// the same interactions (a calibration session, or the same interaction id in an import) and their answers are
/// compared with Krippendorff's alpha.
/// </summary>
public static class Calibration
{
    /// <summary>The lowest alpha to act on (Krippendorff's threshold for tentative conclusions).</summary>
    public const double ReliableAlpha = 0.667;

    /// <summary>
    /// Compares the evaluations of <paramref name="scorecard"/> among <paramref name="evaluations"/> (others are
    /// ignored). Only interactions scored by two or more evaluators count; an evaluator who scored an interaction more
    /// than once counts with their latest evaluation of it. Not-applicable answers, and evaluations without a score,
    /// are missing values.
    /// </summary>
    public static CalibrationReport Compute(Scorecard scorecard, IEnumerable<QaEvaluation> evaluations)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        ArgumentNullException.ThrowIfNull(evaluations);
        var shared = evaluations
            .Where(e => e.Scorecard == scorecard.Id)
            .GroupBy(e => (e.InteractionId, e.Evaluator))
            .Select(g => g.OrderBy(e => e.EvaluatedAt).ThenBy(e => e.EvaluationId, StringComparer.Ordinal).Last())
            .GroupBy(e => e.InteractionId, StringComparer.Ordinal)
            .Where(g => g.Count() >= 2)
            .Select(g => g.ToList())
            .ToList();

        var scores = Units(shared, e => e.Result.Score);
        var scoreAlpha = KrippendorffAlpha.Compute(scores, AlphaMetric.Interval);
        var criteria = scorecard.Criteria.Select(c => Agreement(c, shared)).ToList();
        var evaluators = shared
            .SelectMany(g => g.Select(e => e.Evaluator))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(evaluator => Deviation(evaluator, shared))
            .ToList();

        return new CalibrationReport(scorecard.Id, scoreAlpha, scores.Count, IsReliable(scoreAlpha), criteria, evaluators);
    }

    private static CriterionAgreement Agreement(Criterion criterion, List<List<QaEvaluation>> shared)
    {
        // Yes and no are categories; ratings are ranks whose spacing an evaluator does not promise to be even.
        var metric = criterion.Scale == CriterionScale.YesNo ? AlphaMetric.Nominal : AlphaMetric.Ordinal;
        var units = Units(shared, e => e.Answers.TryGetValue(criterion.Id, out var answer) ? Value(answer) : null);
        var alpha = KrippendorffAlpha.Compute(units, metric);
        return new CriterionAgreement(criterion.Id, metric, alpha, units.Count, IsReliable(alpha));
    }

    private static EvaluatorDeviation Deviation(string evaluator, List<List<QaEvaluation>> shared)
    {
        var deviations = new List<double>();
        foreach (var interaction in shared)
        {
            var own = interaction.FirstOrDefault(e => e.Evaluator == evaluator)?.Result.Score;
            var others = interaction.Where(e => e.Evaluator != evaluator && e.Result.Score is not null).Select(e => e.Result.Score!.Value).ToList();
            if (own is { } score && others.Count > 0)
            {
                deviations.Add(Math.Abs(score - others.Average()));
            }
        }

        return new EvaluatorDeviation(evaluator, deviations.Count, deviations.Count == 0 ? null : deviations.Average());
    }

    /// <summary>Each interaction's values that are present, keeping only interactions with two or more.</summary>
    private static List<IReadOnlyCollection<double>> Units(List<List<QaEvaluation>> shared, Func<QaEvaluation, double?> value) =>
        [.. shared
            .Select(g => (IReadOnlyCollection<double>)[.. g.Select(value).OfType<double>()])
            .Where(u => u.Count >= 2)];

    private static double? Value(CriterionAnswer answer) => answer.Kind switch
    {
        CriterionAnswerKind.Yes => 1,
        CriterionAnswerKind.No => 0,
        CriterionAnswerKind.Rating => answer.Rating,
        _ => null,
    };

    private static bool IsReliable(double? alpha) => alpha >= ReliableAlpha;
}
