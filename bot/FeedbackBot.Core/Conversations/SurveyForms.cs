using System.Globalization;
using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Conversations;

/// <summary>Turns a plan into a survey card for one audience, and reads a submitted card back into answers.</summary>
public static class SurveyForms
{
    /// <summary>The survey card of a plan's questions for one audience.</summary>
    public static SurveyPrompt Prompt(MeasurementPlan plan, Audience audience, string cycleId, string cardId)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var intro = audience == Audience.Staff
            ? $"Your answers are anonymous: they are stored without your name, and no result is shown for fewer than {plan.MinimumGroupSize} people."
            : null;
        return new SurveyPrompt(
            cardId,
            plan.Id,
            cycleId,
            plan.Name,
            intro,
            [.. plan.Questions.Where(q => q.Audience == audience).Select(Question)],
            new Dictionary<string, string>(),
            new Dictionary<string, string>());
    }

    /// <summary>
    /// Checks a submission against the plan. Valid: the normalised answers to store and the thank-you to show.
    /// Invalid: the same card with the values kept and an error beside each question that needs one.
    /// </summary>
    public static SurveyCheck Check(MeasurementPlan plan, Audience audience, SurveyPrompt prompt, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(values);
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var shown = new List<SurveyAnswer>();
        foreach (var question in plan.Questions.Where(q => q.Audience == audience))
        {
            // Adaptive Cards join multi-select choices with commas; the stored form uses the plan's separator.
            var raw = values.GetValueOrDefault(question.Id)?.Trim() ?? string.Empty;
            if (question.Type == QuestionType.MultiChoice)
            {
                raw = string.Join(AnswerValues.ChoiceSeparator, raw.Split([',', AnswerValues.ChoiceSeparator], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            }

            if (raw.Length == 0)
            {
                if (question.Required)
                {
                    errors[question.Id] = "Please answer this question.";
                }

                continue;
            }

            var check = AnswerValues.Check(question, raw);
            if (!check.IsAllowed)
            {
                errors[question.Id] = Problem(question);
                continue;
            }

            answers[question.Id] = check.Normalized;
            shown.Add(new SurveyAnswer(question.Text, Label(question, check.Normalized)));
        }

        return errors.Count > 0
            ? new SurveyCheck(null, null, prompt with { Values = values, Errors = errors })
            : new SurveyCheck(answers, new SurveyThanks(plan.Name, shown, audience == Audience.Staff), null);
    }

    private static SurveyQuestion Question(Question question) => new(
        question.Id,
        question.Text,
        question.Type,
        question.Required,
        Choices(question),
        question.Type == QuestionType.MultiChoice,
        question.Type == QuestionType.Text ? AnswerValues.MaxTextLength : null);

    private static List<SurveyChoice> Choices(Question question)
    {
        if (AnswerValues.ScaleOf(question.Type) is var (min, max))
        {
            return [.. Enumerable.Range(min, max - min + 1).Select(v => new SurveyChoice(v.ToString(CultureInfo.InvariantCulture), ScaleWords.Label(question, v)))];
        }

        return question.Type switch
        {
            QuestionType.YesNo => [new("yes", "Yes"), new("no", "No")],
            QuestionType.Choice or QuestionType.MultiChoice => [.. question.Options.Select(o => new SurveyChoice(o, o))],
            _ => [],
        };
    }

    private static string Label(Question question, string normalized) =>
        Choices(question).FirstOrDefault(c => c.Value == normalized)?.Label
        ?? (question.Type == QuestionType.YesNo ? (normalized == "yes" ? "Yes" : "No") : normalized.Replace(AnswerValues.ChoiceSeparator.ToString(), ", ", StringComparison.Ordinal));

    private static string Problem(Question question) => question.Type switch
    {
        QuestionType.Rating5 => "Choose a number from 1 to 5.",
        QuestionType.Agree5 => "Choose how much you agree, from 1 (strongly disagree) to 5 (strongly agree).",
        QuestionType.Nps => "Choose a number from 0 to 10.",
        QuestionType.Effort7 => "Choose a number from 1 to 7.",
        QuestionType.YesNo => "Choose yes or no.",
        QuestionType.Choice => "Choose one of the options.",
        QuestionType.MultiChoice => "Choose from the options only.",
        _ => $"Keep the answer under {AnswerValues.MaxTextLength} characters.",
    };
}

/// <summary>The outcome of checking a survey submission: answers and thanks, or the card again with errors.</summary>
/// <param name="Answers">The normalised answers by question id, when valid.</param>
/// <param name="Thanks">The thank-you to show, when valid.</param>
/// <param name="Retry">The card again with errors, when not.</param>
public sealed record SurveyCheck(IReadOnlyDictionary<string, string>? Answers, SurveyThanks? Thanks, SurveyPrompt? Retry)
{
    /// <summary>Whether the submission can be stored.</summary>
    public bool IsValid => Answers is not null;
}
