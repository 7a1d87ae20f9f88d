namespace FeedbackBot.Core.Scorecards;

/// <summary>One line of a scorecard: a behaviour an evaluator looks for in an interaction.</summary>
/// <param name="Id">Unique within its scorecard; the evaluation import's column name.</param>
/// <param name="Text">What the evaluator checks, as shown on the scorecard.</param>
/// <param name="Feature">The plan's service feature it bears on, so QA results sit beside the customers' score on it.</param>
/// <param name="Kpi">The id of the plan's KPI it supports; null when none.</param>
/// <param name="Scale">How it is answered.</param>
/// <param name="Weight">Its weight in the evaluation's score; above 0.</param>
/// <param name="Critical">Whether a "no" fails the whole evaluation (yesno only).</param>
/// <param name="AllowNa">Whether "not applicable" is an allowed answer.</param>
public sealed record Criterion(
    string Id,
    string Text,
    string Feature,
    string? Kpi,
    CriterionScale Scale,
    double Weight,
    bool Critical,
    bool AllowNa)
{
    /// <summary>The weight when a plan does not give one.</summary>
    public const double DefaultWeight = 1;

    /// <summary>The criterion's score for an answer, from 0 to 1: yes 1, no 0, a rating (rating − 1) / 4; null when not applicable.</summary>
    /// <exception cref="ArgumentException">The answer does not fit the criterion's scale.</exception>
    public double? Score(CriterionAnswer answer) => Check(answer).Kind switch
    {
        CriterionAnswerKind.Yes => 1,
        CriterionAnswerKind.No => 0,
        CriterionAnswerKind.Rating => (answer.Rating - 1) / 4.0,
        _ => null,
    };

    /// <summary>Whether the criterion passes: a yes, or a rating of 4 or 5; null when not applicable.</summary>
    /// <exception cref="ArgumentException">The answer does not fit the criterion's scale.</exception>
    public bool? Passes(CriterionAnswer answer) => Check(answer).Kind switch
    {
        CriterionAnswerKind.Yes => true,
        CriterionAnswerKind.No => false,
        CriterionAnswerKind.Rating => answer.Rating >= 4,
        _ => null,
    };

    /// <summary>Whether <paramref name="answer"/> is one this criterion can be given (its scale, or not applicable).</summary>
    public bool Fits(CriterionAnswer answer) => answer.Kind switch
    {
        CriterionAnswerKind.Yes or CriterionAnswerKind.No => Scale == CriterionScale.YesNo,
        CriterionAnswerKind.Rating => Scale == CriterionScale.Rating5,
        _ => true,
    };

    private CriterionAnswer Check(CriterionAnswer answer) => Fits(answer)
        ? answer
        : throw new ArgumentException($"Criterion '{Id}' is answered on the {(Scale == CriterionScale.YesNo ? "yesno" : "rating5")} scale, not with '{answer}'.", nameof(answer));
}
