namespace FeedbackBot.Core.Scorecards;

/// <summary>A checklist for monitoring interactions, tied to the plan's features and KPIs.</summary>
/// <param name="Id">Unique within the plan.</param>
/// <param name="Name">The name evaluators see.</param>
/// <param name="Channels">The interaction channels it is used for.</param>
/// <param name="PassMark">The score from 0 to 100 at or above which an evaluation passes.</param>
/// <param name="Criteria">At least one, ids unique, in the order evaluators see them.</param>
public sealed record Scorecard(
    string Id,
    string Name,
    IReadOnlyList<InteractionChannel> Channels,
    double PassMark,
    IReadOnlyList<Criterion> Criteria)
{
    // A score is a ratio of sums of doubles: weights of 0.1 can put 80 at 79.99999999999999, which must still pass 80.
    private const double PassTolerance = 1e-9;

    /// <summary>The criterion with the given id, or null.</summary>
    public Criterion? FindCriterion(string id) => Criteria.FirstOrDefault(c => c.Id == id);

    /// <summary>
    /// Scores an evaluation: yes 1, no 0, a rating (rating − 1) / 4, not-applicable criteria left out; the score is
    /// 100 × Σ(weight × criterion score) / Σ(weight) over the applicable criteria; a critical criterion answered "no"
    /// makes it 0 and a critical fail.
    /// </summary>
    /// <param name="answers">An answer for every criterion, by criterion id.</param>
    /// <exception cref="ArgumentException">A criterion has no answer, an answer names no criterion, or does not fit its scale.</exception>
    public EvaluationScore Score(IReadOnlyDictionary<string, CriterionAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Keys.FirstOrDefault(id => FindCriterion(id) is null) is { } unknown)
        {
            throw new ArgumentException($"Scorecard '{Id}' has no criterion '{unknown}'.", nameof(answers));
        }

        double weighted = 0, weights = 0;
        var criticalFail = false;
        foreach (var criterion in Criteria)
        {
            if (!answers.TryGetValue(criterion.Id, out var answer))
            {
                throw new ArgumentException($"Criterion '{criterion.Id}' of scorecard '{Id}' has no answer.", nameof(answers));
            }

            if (criterion.Score(answer) is not { } score)
            {
                continue;
            }

            weighted += criterion.Weight * score;
            weights += criterion.Weight;
            criticalFail |= criterion.Critical && answer.Kind == CriterionAnswerKind.No;
        }

        if (criticalFail)
        {
            return new EvaluationScore(0, CriticalFail: true, Passed: false);
        }

        if (weights == 0)
        {
            return new EvaluationScore(null, CriticalFail: false, Passed: null);
        }

        var total = 100 * weighted / weights;
        return new EvaluationScore(total, CriticalFail: false, Passed: total >= PassMark - PassTolerance);
    }
}
