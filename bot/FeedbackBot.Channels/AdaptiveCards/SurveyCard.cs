using System.Text.Json.Nodes;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Channels.AdaptiveCards;

/// <summary>
/// A pulse survey (or another of the bot's forms) as a card: one input per question, each refused value's error right
/// under its input.
/// </summary>
internal static class SurveyCard
{
    internal const string SubmitTitle = "Submit";

    /// <summary>Text boxes for at most this many characters are one line (a reference, a date); longer ones are multiline.</summary>
    internal const int SingleLineLength = 100;

    internal static JsonObject Build(SurveyPrompt prompt)
    {
        var body = new List<JsonNode> { CardElements.Heading(prompt.Title) };
        if (prompt.Intro is { Length: > 0 } intro)
        {
            body.Add(CardElements.TextBlock(intro, subtle: true));
        }

        body.AddRange(Inputs(prompt));
        return AdaptiveCardFormat.Card($"{prompt.Title}: this form needs a newer version of the app.", body, [Submit(prompt)]);
    }

    /// <summary>The form's inputs, each followed by its error when it has one.</summary>
    internal static IEnumerable<JsonNode> Inputs(SurveyPrompt prompt)
    {
        foreach (var question in prompt.Questions)
        {
            yield return Input(question, prompt.Values.GetValueOrDefault(question.Id));
            if (prompt.Errors.GetValueOrDefault(question.Id) is { Length: > 0 } error)
            {
                yield return CardElements.TextBlock(error, color: "attention", spacing: "small");
            }
        }
    }

    /// <summary>The form's submit button, with its verb and hidden fields.</summary>
    internal static JsonObject Submit(SurveyPrompt prompt) => CardElements.Execute(
        prompt.SubmitTitle,
        prompt.Verb,
        [
            new(Verbs.PlanField, prompt.PlanId),
            new(Verbs.CycleField, prompt.CycleId),
            new(Verbs.CardField, prompt.CardId),
        ]);

    private static JsonObject Input(SurveyQuestion question, string? value)
    {
        var input = new JsonObject
        {
            ["type"] = question.Type == QuestionType.Text ? "Input.Text" : "Input.ChoiceSet",
            ["id"] = question.Id,
            ["label"] = question.Text,
            ["isRequired"] = question.Required,
            ["errorMessage"] = ErrorMessage(question),
        };
        if (question.Type == QuestionType.Text)
        {
            AddText(input, question, value);
        }
        else
        {
            AddChoices(input, question, value);
        }

        return input;
    }

    private static void AddText(JsonObject input, SurveyQuestion question, string? value)
    {
        input["isMultiline"] = question.MaxLength is not { } length || length > SingleLineLength;
        if (question.MaxLength is { } maxLength)
        {
            input["maxLength"] = maxLength;
        }

        if (!string.IsNullOrEmpty(value))
        {
            input["value"] = value;
        }
    }

    private static void AddChoices(JsonObject input, SurveyQuestion question, string? value)
    {
        // Scales and yes/no read best as radio buttons, several picks as check boxes, one option of a list as a drop-down.
        var compact = question.Type == QuestionType.Choice && !question.MultiSelect;
        input["style"] = compact ? "compact" : "expanded";
        if (question.MultiSelect)
        {
            input["isMultiSelect"] = true;
        }

        if (compact)
        {
            input["placeholder"] = "Choose one";
        }

        input["choices"] = new JsonArray([.. question.Choices.Select(c => (JsonNode)CardElements.Choice(c.Value, c.Label))]);
        if (Preselected(question, value) is { Length: > 0 } selected)
        {
            input["value"] = selected;
        }
    }

    /// <summary>
    /// The given value as the choice set's initial selection, keeping only values that are choices: a refused value
    /// is shown in the error under the input, not selected.
    /// </summary>
    private static string? Preselected(SurveyQuestion question, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var allowed = question.Choices.Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        if (!question.MultiSelect)
        {
            var single = value.Trim();
            return allowed.Contains(single) ? single : null;
        }

        // Cards join several choices with commas; answers stored from elsewhere use semicolons.
        var parts = value.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return string.Join(',', parts.Where(allowed.Contains).Distinct(StringComparer.Ordinal));
    }

    // A scorecard's rating may add "not applicable" after the numbers.
    private static List<string> Numbers(SurveyQuestion question) =>
        [.. question.Choices.Select(c => c.Value).Where(v => int.TryParse(v, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _))];

    private static string ErrorMessage(SurveyQuestion question) => question.Type switch
    {
        QuestionType.Agree5 => "Choose how much you agree.",
        QuestionType.Rating5 or QuestionType.Nps or QuestionType.Effort7 when Numbers(question) is [var first, .., var last] =>
            $"Choose a number from {first} to {last}." + (question.Choices.Count > Numbers(question).Count ? " Or not applicable." : ""),
        QuestionType.YesNo => "Choose yes or no.",
        QuestionType.MultiChoice => "Choose at least one option.",
        QuestionType.Text => "Please write an answer.",
        _ => "Choose one of the options.",
    };
}
