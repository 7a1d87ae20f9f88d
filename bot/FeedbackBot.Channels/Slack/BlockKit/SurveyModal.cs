using System.Globalization;
using System.Text.Json.Nodes;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Channels.Slack.BlockKit;

/// <summary>
/// A pulse survey as a modal: one input block per question, its block id the question's id so Slack's
/// <c>response_action: errors</c> lands under the right question, and required questions not optional so Slack
/// refuses an empty one before it is sent.
/// </summary>
internal static class SurveyModal
{
    internal const string SubmitTitle = "Submit";
    internal const string CloseTitle = "Cancel";
    internal const string IntroBlock = BlockKitActions.OwnBlockPrefix + "intro";
    internal const string TitleBlock = BlockKitActions.OwnBlockPrefix + "title";
    internal const string LeftOutBlock = BlockKitActions.OwnBlockPrefix + "left_out";
    internal const string ErrorBlockPrefix = BlockKitActions.OwnBlockPrefix + "error.";

    /// <summary>Scales and lists up to this long read best as radio buttons or check boxes, longer ones as a drop-down.</summary>
    private const int ExpandedChoices = BlockKitLimits.RadioOptions;

    internal static JsonObject Build(SurveyPrompt prompt, SlackMessageOrigin? origin = null)
    {
        var blocks = new List<JsonNode>();
        if (prompt.Title.Length > BlockKitLimits.ModalTitle)
        {
            // The title bar cuts a long name; the first block shows it whole.
            var header = BlockElements.Header(prompt.Title);
            header["block_id"] = TitleBlock;
            blocks.Add(header);
        }

        if (prompt.Intro is { Length: > 0 } intro)
        {
            blocks.Add(BlockElements.Section(SlackText.EscapeWithin(intro, BlockKitLimits.SectionText), IntroBlock));
        }

        var cost = prompt.Questions.Select(q => Cost(prompt, q)).ToList();
        var room = BlockKitLimits.ModalBlocks - blocks.Count;
        if (cost.Sum() > room)
        {
            room--;
        }

        var shown = 0;
        foreach (var question in prompt.Questions)
        {
            if (cost[shown] > room)
            {
                break;
            }

            room -= cost[shown];
            shown++;
            blocks.Add(Input(question, prompt.Values.GetValueOrDefault(question.Id)));
            if (prompt.Errors.GetValueOrDefault(question.Id) is { Length: > 0 } error)
            {
                blocks.Add(BlockElements.Context(
                    $":warning: {SlackText.EscapeWithin(error, BlockKitLimits.SectionText - 10)}",
                    ErrorBlockPrefix + question.Id));
            }
        }

        if (shown < prompt.Questions.Count)
        {
            // More questions than a modal holds blocks: say so rather than have Slack refuse the whole view.
            blocks.Add(BlockElements.Context(
                SlackText.Escape(string.Create(
                    CultureInfo.InvariantCulture,
                    $"This survey has {prompt.Questions.Count - shown} more questions than Slack can show in one form.")),
                LeftOutBlock));
        }

        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = prompt.Verb,
            ["private_metadata"] = SurveyHidden.Write(prompt, origin),
            ["title"] = BlockElements.PlainText(prompt.Title, BlockKitLimits.ModalTitle),
            ["submit"] = BlockElements.PlainText(prompt.SubmitTitle, BlockKitLimits.ModalTitle),
            ["close"] = BlockElements.PlainText(CloseTitle, BlockKitLimits.ModalTitle),
            ["blocks"] = new JsonArray([.. blocks]),
        };
    }

    private static int Cost(SurveyPrompt prompt, SurveyQuestion question) =>
        prompt.Errors.GetValueOrDefault(question.Id) is { Length: > 0 } ? 2 : 1;

    private static JsonObject Input(SurveyQuestion question, string? value) => new()
    {
        ["type"] = "input",
        ["block_id"] = question.Id,
        ["label"] = BlockElements.PlainText(question.Text, BlockKitLimits.InputLabel),
        ["optional"] = !question.Required,
        ["element"] = question.Type == QuestionType.Text || question.Choices.Count == 0
            ? TextInput(question, value)
            : ChoiceInput(question, value),
    };

    private static JsonObject TextInput(SurveyQuestion question, string? value)
    {
        var maxLength = Math.Min(question.MaxLength ?? BlockKitLimits.TextInputLength, BlockKitLimits.TextInputLength);
        var input = new JsonObject
        {
            ["type"] = "plain_text_input",
            ["action_id"] = BlockKitActions.Answer,
            ["multiline"] = question.MaxLength is not { } length || length > AdaptiveCards.SurveyCard.SingleLineLength,
            ["max_length"] = maxLength,
        };
        if (!string.IsNullOrEmpty(value))
        {
            input["initial_value"] = value.Length <= maxLength ? value : value[..maxLength];
        }

        return input;
    }

    private static JsonObject ChoiceInput(SurveyQuestion question, string? value)
    {
        var options = question.Choices.Select(c => BlockElements.Option(c.Value, c.Label)).ToList();
        var expanded = options.Count <= ExpandedChoices;
        var input = new JsonObject
        {
            ["type"] = (question.MultiSelect, expanded) switch
            {
                (true, true) => "checkboxes",
                (true, false) => "multi_static_select",
                (false, true) => "radio_buttons",
                (false, false) => "static_select",
            },
            ["action_id"] = BlockKitActions.Answer,
        };
        if (expanded)
        {
            input["options"] = new JsonArray([.. options]);
        }
        else
        {
            input["placeholder"] = BlockElements.PlainText(question.MultiSelect ? "Choose any" : "Choose one", BlockKitLimits.Placeholder);
            BlockElements.AddOptions(input, options);
        }

        var selected = Preselected(question, value);
        var initial = options.Where(o => selected.Contains((string)o["value"]!)).Select(o => (JsonNode)o.DeepClone()).ToList();
        if (initial.Count > 0)
        {
            if (question.MultiSelect)
            {
                input["initial_options"] = new JsonArray([.. initial]);
            }
            else
            {
                input["initial_option"] = initial[0];
            }
        }

        return input;
    }

    /// <summary>
    /// The values of <paramref name="value"/> that are choices of the question: a refused value is shown in the error
    /// under the input, not selected. Several choices arrive joined by commas (cards) or semicolons (stored answers).
    /// </summary>
    private static HashSet<string> Preselected(SurveyQuestion question, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        var parts = question.MultiSelect
            ? value.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [value.Trim()];
        return [.. parts.Where(p => question.Choices.Any(c => c.Value == p))];
    }
}
