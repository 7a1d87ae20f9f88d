namespace FeedbackBot.Core.Conversations;

/// <summary>
/// A QA evaluation as its agent, its evaluator or their team's manager reads it in chat: the score, each criterion,
/// what went well and what to improve, the agent's answer and the action plan; with the form to answer it when the
/// reader is the agent and has not answered yet.
/// </summary>
/// <param name="Title">What the message is (e.g. "Your evaluation", "Sam acknowledged your evaluation").</param>
/// <param name="Agent">The agent's name.</param>
/// <param name="Evaluator">The evaluator's name.</param>
/// <param name="Scorecard">The scorecard's name.</param>
/// <param name="Interaction">The interaction's reference (ticket or call id).</param>
/// <param name="Channel">The interaction's channel as it reads ("phone", "face to face").</param>
/// <param name="InteractionDate">When the interaction took place, when known.</param>
/// <param name="Score">The score from 0 to 100; null when every criterion was not applicable.</param>
/// <param name="Passed">Whether it reached the pass mark; null without a score.</param>
/// <param name="CriticalFail">Whether a critical criterion was missed, which makes the score 0.</param>
/// <param name="PassMark">The scorecard's pass mark.</param>
/// <param name="Criteria">Each criterion with its answer, in scorecard order.</param>
/// <param name="WentWell">What went well, as the evaluator wrote it.</param>
/// <param name="ToImprove">What to improve, as the evaluator wrote it.</param>
/// <param name="Answer">The agent's answer so far (acknowledged, or asked to discuss and why); null before they answer.</param>
/// <param name="Reflection">The agent's own reflection, when given.</param>
/// <param name="Actions">The action plan agreed on it.</param>
/// <param name="Note">A line under it (who else sees it, what happens next); null for none.</param>
/// <param name="Form">The form answering it, for the agent before they have acknowledged it; null otherwise.</param>
public sealed record EvaluationView(
    string Title,
    string Agent,
    string Evaluator,
    string Scorecard,
    string Interaction,
    string Channel,
    DateOnly? InteractionDate,
    double? Score,
    bool? Passed,
    bool CriticalFail,
    double PassMark,
    IReadOnlyList<EvaluationLine> Criteria,
    string WentWell,
    string ToImprove,
    string? Answer,
    string? Reflection,
    IReadOnlyList<CoachingStep> Actions,
    string? Note,
    SurveyPrompt? Form) : BotReply
{
    /// <summary>The score as it reads: "85 of 100, passed (pass mark 80)".</summary>
    public string ScoreText => (Score, Passed, CriticalFail) switch
    {
        (_, _, true) => "0 of 100: a critical criterion was missed",
        (null, _, _) => "no score: every criterion was not applicable",
        ({ } score, true, _) => FormattableString.Invariant($"{score:0.#} of 100, passed (pass mark {PassMark:0.#})"),
        ({ } score, _, _) => FormattableString.Invariant($"{score:0.#} of 100, below the pass mark of {PassMark:0.#}"),
    };
}

/// <summary>One criterion of an evaluation as it reads.</summary>
/// <param name="Criterion">The criterion's text.</param>
/// <param name="Answer">The answer as it reads ("Yes", "4 of 5", "Not applicable").</param>
/// <param name="Passed">Whether it passed (yes, or 4 or 5); null when not applicable.</param>
/// <param name="Critical">Whether a "no" fails the whole evaluation.</param>
/// <param name="Comment">The evaluator's comment on it, when given.</param>
public sealed record EvaluationLine(string Criterion, string Answer, bool? Passed, bool Critical, string? Comment);

/// <summary>A step of the action plan agreed after an evaluation.</summary>
/// <param name="What">What the agent will do.</param>
/// <param name="Support">The support they need, if any.</param>
/// <param name="DueOn">By when.</param>
/// <param name="State">planned, done or cancelled.</param>
public sealed record CoachingStep(string What, string? Support, DateOnly DueOn, string State);
