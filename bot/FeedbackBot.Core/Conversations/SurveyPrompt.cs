using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Conversations;

/// <summary>
/// A form to fill in: a pulse survey, or another of the bot's forms (a QA scorecard, the answer to an evaluation).
/// One input per question, required ones marked.
/// </summary>
/// <param name="CardId">The card's own id, so every delivery of one submission is recognised as the same one.</param>
/// <param name="PlanId">The plan.</param>
/// <param name="CycleId">The cycle answers are stored in.</param>
/// <param name="Title">The survey's title (the plan's name).</param>
/// <param name="Intro">A line above the questions (for staff: that answers are anonymous).</param>
/// <param name="Questions">The questions, in plan order.</param>
/// <param name="Values">Values already entered, shown again when the card comes back with errors.</param>
/// <param name="Errors">Why given values were refused, by question id.</param>
/// <param name="Verb">What submitting it does: a pulse's answers, or another form of the bot's (<see cref="Verbs.Forms"/>).</param>
/// <param name="OpenTitle">The button that opens the form where it is shown apart from its message (Slack).</param>
/// <param name="SubmitTitle">The button that submits it.</param>
public sealed record SurveyPrompt(
    string CardId,
    string PlanId,
    string CycleId,
    string Title,
    string? Intro,
    IReadOnlyList<SurveyQuestion> Questions,
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyDictionary<string, string> Errors,
    string Verb = Verbs.SubmitSurvey,
    string OpenTitle = "Answer",
    string SubmitTitle = "Submit") : BotReply;

/// <summary>One question as an input.</summary>
/// <param name="Id">The question's id, which is the input's id.</param>
/// <param name="Text">Its wording.</param>
/// <param name="Type">Its type, which decides the input.</param>
/// <param name="Required">Whether it must be answered.</param>
/// <param name="Choices">For scales, yes/no and choices: each allowed value and its label, in order.</param>
/// <param name="MultiSelect">Whether several choices may be picked.</param>
/// <param name="MaxLength">For text: the longest answer kept.</param>
public sealed record SurveyQuestion(
    string Id,
    string Text,
    QuestionType Type,
    bool Required,
    IReadOnlyList<SurveyChoice> Choices,
    bool MultiSelect,
    int? MaxLength);

/// <summary>An allowed value and how it reads.</summary>
/// <param name="Value">The value submitted.</param>
/// <param name="Label">The label shown.</param>
public sealed record SurveyChoice(string Value, string Label);

/// <summary>A survey answered: what the person said, shown back to them alone.</summary>
/// <param name="Title">The survey's title.</param>
/// <param name="Answers">Each answered question with the answer as it reads.</param>
/// <param name="Anonymous">Whether the answers are stored without the person's identity.</param>
public sealed record SurveyThanks(string Title, IReadOnlyList<SurveyAnswer> Answers, bool Anonymous) : BotReply;

/// <summary>A question and its answer, as they read.</summary>
/// <param name="Question">The question's wording.</param>
/// <param name="Answer">The answer's label.</param>
public sealed record SurveyAnswer(string Question, string Answer);
