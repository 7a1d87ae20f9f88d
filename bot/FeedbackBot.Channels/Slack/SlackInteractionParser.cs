using System.Text.Json;

namespace FeedbackBot.Channels.Slack;

/// <summary>
/// Reads interactivity requests: a form body whose one field, <c>payload</c>, holds the JSON. Call only after the
/// request's signature was verified.
/// </summary>
public static class SlackInteractionParser
{
    public static SlackParseResult<SlackInteraction> Parse(ReadOnlySpan<byte> formBody)
    {
        if (!FormFields.TryParse(formBody, out var fields, out var formError))
        {
            return Malformed(formError);
        }

        if (!fields.TryGetValue("payload", out var payload) || string.IsNullOrWhiteSpace(payload))
        {
            return Malformed("the form has no payload field");
        }

        return JsonFields.TryParse(payload, out var root, out var jsonError)
            ? Parse(root)
            : Malformed($"the payload is {jsonError}");
    }

    /// <summary>Reads an already parsed payload, such as that of a Socket Mode <c>interactive</c> envelope.</summary>
    public static SlackParseResult<SlackInteraction> Parse(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return Malformed("the payload is not a JSON object");
        }

        var type = JsonFields.String(payload, "type");
        if (type is null)
        {
            return Malformed("the payload has no type");
        }

        if (type is not ("block_actions" or "view_submission" or "view_closed"))
        {
            return SlackParseResult.Unsupported<SlackInteraction>($"The interaction type '{type}' is not handled.");
        }

        if (ReadUser(payload) is not { } user)
        {
            return Malformed($"the {type} payload has no user id");
        }

        var teamId = JsonFields.NestedId(payload, "team") ?? user.TeamId;
        if (type == "block_actions")
        {
            return ReadBlockActions(payload, user, teamId);
        }

        if (JsonFields.Object(payload, "view") is not { } viewElement || ReadView(viewElement) is not { } view)
        {
            return Malformed($"the {type} payload has no view with an id");
        }

        return SlackParseResult.Ok<SlackInteraction>(type == "view_submission"
            ? new SlackViewSubmission(user, teamId, JsonFields.String(payload, "trigger_id"), view)
            : new SlackViewClosed(user, teamId, view));
    }

    private static SlackParseResult<SlackInteraction> ReadBlockActions(JsonElement payload, SlackUserRef user, string? teamId)
    {
        if (JsonFields.Array(payload, "actions") is not { } array)
        {
            return Malformed("the block_actions payload has no actions");
        }

        var actions = new List<SlackAction>();
        foreach (var item in array.EnumerateArray())
        {
            var actionId = JsonFields.String(item, "action_id");
            if (string.IsNullOrEmpty(actionId))
            {
                return Malformed("an action in the block_actions payload has no action_id");
            }

            actions.Add(new SlackAction(
                actionId,
                JsonFields.String(item, "block_id"),
                JsonFields.String(item, "type"),
                JsonFields.String(item, "value"),
                SelectedOption(item),
                SelectedOptions(item),
                JsonFields.String(item, "action_ts")));
        }

        var container = JsonFields.Object(payload, "container");
        var message = JsonFields.Object(payload, "message");
        var channelId = JsonFields.NestedId(payload, "channel") ?? (container is { } c ? JsonFields.String(c, "channel_id") : null);
        var messageTs = (container is { } box ? JsonFields.String(box, "message_ts") : null)
            ?? (message is { } m ? JsonFields.String(m, "ts") : null);
        var view = JsonFields.Object(payload, "view") is { } viewElement ? ReadView(viewElement) : null;
        return SlackParseResult.Ok<SlackInteraction>(new SlackBlockActions(
            user,
            teamId,
            channelId,
            messageTs,
            JsonFields.String(payload, "trigger_id"),
            JsonFields.String(payload, "response_url"),
            actions,
            view));
    }

    private static SlackUserRef? ReadUser(JsonElement payload)
    {
        if (JsonFields.Object(payload, "user") is not { } user || JsonFields.String(user, "id") is not { Length: > 0 } id)
        {
            return null;
        }

        return new SlackUserRef(
            id,
            JsonFields.String(user, "name") ?? JsonFields.String(user, "username"),
            JsonFields.String(user, "team_id"));
    }

    private static SlackView? ReadView(JsonElement view)
    {
        if (JsonFields.String(view, "id") is not { Length: > 0 } id)
        {
            return null;
        }

        var values = new Dictionary<string, IReadOnlyDictionary<string, SlackStateValue>>(StringComparer.Ordinal);
        if (JsonFields.Object(view, "state") is { } state && JsonFields.Object(state, "values") is { } blocks)
        {
            foreach (var block in blocks.EnumerateObject().Where(b => b.Value.ValueKind == JsonValueKind.Object))
            {
                var inputs = new Dictionary<string, SlackStateValue>(StringComparer.Ordinal);
                foreach (var input in block.Value.EnumerateObject().Where(i => i.Value.ValueKind == JsonValueKind.Object))
                {
                    inputs[input.Name] = new SlackStateValue(
                        JsonFields.String(input.Value, "type"),
                        JsonFields.String(input.Value, "value"),
                        SelectedOption(input.Value),
                        SelectedOptions(input.Value));
                }

                values[block.Name] = inputs;
            }
        }

        return new SlackView(
            id,
            JsonFields.String(view, "callback_id"),
            JsonFields.String(view, "private_metadata"),
            JsonFields.String(view, "hash"),
            values);
    }

    private static string? SelectedOption(JsonElement element) =>
        JsonFields.Object(element, "selected_option") is { } option ? JsonFields.String(option, "value") : null;

    private static List<string> SelectedOptions(JsonElement element) =>
        JsonFields.Array(element, "selected_options") is { } options
            ? [.. options.EnumerateArray().Select(o => JsonFields.String(o, "value")).OfType<string>()]
            : [];

    private static SlackParseResult<SlackInteraction> Malformed(string what) =>
        SlackParseResult.Malformed<SlackInteraction>($"The interaction request is malformed: {what}.");
}
