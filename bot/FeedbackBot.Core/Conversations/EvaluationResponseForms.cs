using System.Globalization;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Conversations;

/// <summary>
/// The agent's answer to an evaluation as a form: acknowledge it or ask to discuss it (with a reason), their own
/// reflection, and the action plan they agree (what, support needed, due date).
/// </summary>
public static class EvaluationResponseForms
{
    /// <summary>acknowledge or discuss.</summary>
    public const string ResponseInput = "response";

    /// <summary>Why they want to discuss it.</summary>
    public const string ReasonInput = "reason";

    /// <summary>Their own reflection.</summary>
    public const string ReflectionInput = "reflection";

    /// <summary>What they will do.</summary>
    public const string ActionInput = "action_what";

    /// <summary>The support they need for it.</summary>
    public const string SupportInput = "action_support";

    /// <summary>By when, YYYY-MM-DD.</summary>
    public const string DueInput = "action_due";

    /// <summary>The value of <see cref="ResponseInput"/> that acknowledges.</summary>
    public const string Acknowledge = "acknowledge";

    /// <summary>The value of <see cref="ResponseInput"/> that asks to discuss.</summary>
    public const string Discuss = "discuss";

    /// <summary>The longest text kept in any of its boxes.</summary>
    public const int TextLength = 2000;

    /// <summary>The form answering the evaluation <paramref name="evaluationId"/>.</summary>
    public static SurveyPrompt Prompt(string planId, string evaluationId, string cardId, string evaluatorName) => new(
        cardId,
        planId,
        evaluationId,
        "Your answer",
        $"{evaluatorName} sees your answer. Agree an action together: what you will do, the support you need and by when; you are both reminded on the day.",
        [
            new(ResponseInput, "Acknowledge or discuss", QuestionType.Choice, true, [new(Acknowledge, "Acknowledge"), new(Discuss, "Discuss: I would like to talk about it")], false, null),
            Text(ReasonInput, "If you want to discuss it: why", TextLength),
            Text(ReflectionInput, "Your reflection (optional)", TextLength),
            Text(ActionInput, "Action: what you will do (optional)", TextLength),
            Text(SupportInput, "Support you need for it (optional)", TextLength),
            Text(DueInput, "Action due date (YYYY-MM-DD)", 10),
        ],
        new Dictionary<string, string>(),
        new Dictionary<string, string>(),
        Verbs.RespondToEvaluation,
        OpenTitle: "Answer",
        SubmitTitle: "Send answer");

    /// <summary>
    /// Checks a submitted answer: discussing needs a reason, an action needs a due date from <paramref name="today"/>
    /// on, and a due date needs an action.
    /// </summary>
    public static EvaluationResponseCheck Check(SurveyPrompt prompt, IReadOnlyDictionary<string, string> values, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(values);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        string Value(string id) => values.GetValueOrDefault(id)?.Trim() ?? string.Empty;

        var response = Value(ResponseInput).ToLowerInvariant();
        if (response is not (Acknowledge or Discuss))
        {
            errors[ResponseInput] = "Choose acknowledge or discuss.";
        }

        var reason = Value(ReasonInput);
        if (response == Discuss && reason.Length == 0)
        {
            errors[ReasonInput] = "Say what you would like to discuss.";
        }

        foreach (var id in new[] { ReasonInput, ReflectionInput, ActionInput, SupportInput })
        {
            if (Value(id).Length > TextLength)
            {
                errors[id] = $"At most {TextLength} characters.";
            }
        }

        var what = Value(ActionInput);
        var dueText = Value(DueInput);
        DateOnly? due = null;
        if (dueText.Length > 0)
        {
            if (!DateOnly.TryParseExact(dueText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                errors[DueInput] = "Write the date as YYYY-MM-DD, for example " + today.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".";
            }
            else if (parsed < today)
            {
                errors[DueInput] = "The due date cannot be in the past.";
            }
            else
            {
                due = parsed;
            }
        }

        if (what.Length > 0 && dueText.Length == 0)
        {
            errors[DueInput] = "Give the action a due date, so you are both reminded.";
        }
        else if (what.Length == 0 && (dueText.Length > 0 || Value(SupportInput).Length > 0))
        {
            errors[ActionInput] = "Say what the action is.";
        }

        if (errors.Count > 0)
        {
            return new EvaluationResponseCheck(null, prompt with { Values = values, Errors = errors });
        }

        var action = what.Length > 0 ? new CoachingStep(what, NullIfEmpty(Value(SupportInput)), due!.Value, "planned") : null;
        return new EvaluationResponseCheck(
            new EvaluationResponse(response == Acknowledge, NullIfEmpty(reason), NullIfEmpty(Value(ReflectionInput)), action),
            null);
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static SurveyQuestion Text(string id, string text, int maxLength) => new(id, text, QuestionType.Text, false, [], false, maxLength);
}

/// <summary>A submitted answer checked: the answer, or the form again with its errors.</summary>
/// <param name="Response">The answer; null when invalid.</param>
/// <param name="Retry">The form with values and errors; null when valid.</param>
public sealed record EvaluationResponseCheck(EvaluationResponse? Response, SurveyPrompt? Retry);

/// <summary>An agent's answer to an evaluation.</summary>
/// <param name="Acknowledged">True to acknowledge; false to ask to discuss it.</param>
/// <param name="Reason">Why they want to discuss it.</param>
/// <param name="Reflection">Their own reflection.</param>
/// <param name="Action">The action they agree, if any.</param>
public sealed record EvaluationResponse(bool Acknowledged, string? Reason, string? Reflection, CoachingStep? Action);
