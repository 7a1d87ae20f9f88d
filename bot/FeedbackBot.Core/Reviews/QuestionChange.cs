namespace FeedbackBot.Core.Reviews;

/// <summary>
/// One scale or yes/no question's change on the previous cycle, tested as the KPI trends are: Welch's t with Cohen's d
/// for a scale question's mean, the two-proportion z test with Cohen's h for a yes/no question's share of yes.
/// </summary>
/// <param name="Question">The question's id.</param>
/// <param name="Value">This cycle's mean (scale questions, on the question's scale) or percentage of yes (yes/no, 0–100).</param>
/// <param name="N">Answers it rests on this cycle.</param>
/// <param name="Previous">The previous cycle's value.</param>
/// <param name="Change">This cycle's value minus the previous one.</param>
/// <param name="PValue">The change's two-sided p-value.</param>
/// <param name="EffectSize">Cohen's d for means, Cohen's h for yes/no.</param>
public sealed record QuestionChange(
    string Question,
    double Value,
    long N,
    double Previous,
    double Change,
    double PValue,
    double EffectSize);
