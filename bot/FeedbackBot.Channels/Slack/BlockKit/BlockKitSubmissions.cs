using System.Text.Json;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Channels.Slack.BlockKit;

/// <summary>
/// Reads what a person did in one of the bot's Slack messages or modals into the same <see cref="BotSubmission"/>
/// the Adaptive Card path produces: the same verbs, the same hidden fields, answers keyed by question id, several
/// choices joined by commas as Teams joins them. The conversation features cannot tell the two apart.
/// </summary>
public static class BlockKitSubmissions
{
    /// <summary>
    /// The submission in a <c>view_submission</c>'s <c>view</c>: the verb from its callback id, the hidden fields from
    /// its private metadata and the answers from <c>state.values</c>. Null when the view is not one of the bot's
    /// forms or its hidden fields are missing.
    /// </summary>
    public static BotSubmission? ReadView(JsonElement view)
    {
        if (view.ValueKind != JsonValueKind.Object
            || Text(view, "callback_id") is not { } verb || !Verbs.Forms.Contains(verb)
            || SurveyHidden.Read(Text(view, "private_metadata")) is not { } values)
        {
            return null;
        }

        if (view.TryGetProperty("state", out var state) && state.ValueKind == JsonValueKind.Object
            && state.TryGetProperty("values", out var blocks) && blocks.ValueKind == JsonValueKind.Object)
        {
            foreach (var block in blocks.EnumerateObject())
            {
                // Hidden fields start with an underscore; no input may overwrite one.
                if (block.Name.StartsWith(BlockKitActions.OwnBlockPrefix, StringComparison.Ordinal) || block.Value.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                if (Action(block.Value, BlockKitActions.Answer) is { } action && Value(action) is { Length: > 0 } value)
                {
                    values[block.Name] = value;
                }
            }
        }

        return new BotSubmission(verb, values);
    }

    /// <summary>The pulse message a survey modal was opened from; null when the view does not say.</summary>
    public static SlackMessageOrigin? ReadOrigin(JsonElement view) =>
        view.ValueKind == JsonValueKind.Object ? SurveyHidden.ReadOrigin(Text(view, "private_metadata")) : null;

    /// <summary>
    /// The submission in a <c>block_actions</c> payload: the "Answer" button of a pulse message
    /// (<see cref="BlockKitActions.OpenSurvey"/> with the survey's hidden fields), or the Praise or Complaint button of
    /// a feedback message (<see cref="Verbs.SubmitFeedback"/> with the feature chosen in the same message). Null for
    /// anything that only needs an acknowledgement: choosing a feature, opening the report, or an action not the bot's.
    /// </summary>
    public static BotSubmission? ReadAction(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object
            || !payload.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array
            || actions.GetArrayLength() == 0 || actions[0].ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var action = actions[0];
        var actionId = Text(action, "action_id");
        if (Verbs.IsOpenVerb(actionId))
        {
            return SurveyHidden.Read(Text(action, "value")) is { } hidden ? new BotSubmission(actionId!, hidden) : null;
        }

        return actionId switch
        {
            BlockKitActions.FeedbackPraise => Feedback(payload, action, FeedbackKind.Praise),
            BlockKitActions.FeedbackComplaint => Feedback(payload, action, FeedbackKind.Complaint),
            _ => null,
        };
    }

    private static BotSubmission? Feedback(JsonElement payload, JsonElement action, string kind)
    {
        var value = Text(action, "value");
        var separator = value?.IndexOf(BlockKitActions.ValueSeparator, StringComparison.Ordinal) ?? -1;
        if (value is null || separator <= 0 || separator == value.Length - 1)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Verbs.CardField] = value[..separator],
            [Verbs.TextField] = value[(separator + 1)..],
            [Verbs.KindInput] = kind,
        };
        if (FeatureChosen(payload) is { Length: > 0 } feature)
        {
            values[Verbs.FeatureInput] = feature;
        }

        return new BotSubmission(Verbs.SubmitFeedback, values);
    }

    /// <summary>The feature selected in the message, from the state Slack sends with every action in it.</summary>
    private static string? FeatureChosen(JsonElement payload)
    {
        if (!payload.TryGetProperty("state", out var state) || state.ValueKind != JsonValueKind.Object
            || !state.TryGetProperty("values", out var blocks) || blocks.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return blocks.EnumerateObject()
            .Where(b => b.Value.ValueKind == JsonValueKind.Object)
            .Select(b => Action(b.Value, BlockKitActions.FeedbackFeature))
            .Where(a => a is not null)
            .Select(a => Value(a!.Value))
            .FirstOrDefault();
    }

    private static JsonElement? Action(JsonElement block, string actionId) =>
        block.TryGetProperty(actionId, out var action) && action.ValueKind == JsonValueKind.Object ? action : null;

    /// <summary>
    /// An element's state as text: a text input's value, a single choice's value, or several choices joined by
    /// commas, the way an Adaptive Card multi-select submits them.
    /// </summary>
    private static string? Value(JsonElement action)
    {
        if (Text(action, "value") is { } text)
        {
            return text;
        }

        if (action.TryGetProperty("selected_option", out var option) && option.ValueKind == JsonValueKind.Object)
        {
            return Text(option, "value");
        }

        if (action.TryGetProperty("selected_options", out var options) && options.ValueKind == JsonValueKind.Array)
        {
            return string.Join(',', options.EnumerateArray()
                .Where(o => o.ValueKind == JsonValueKind.Object)
                .Select(o => Text(o, "value"))
                .OfType<string>());
        }

        return null;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString() : null;

    private static class FeedbackKind
    {
        internal const string Praise = AdaptiveCards.FeedbackFields.Praise;
        internal const string Complaint = AdaptiveCards.FeedbackFields.Complaint;
    }
}
