using System.Text.Json;
using System.Text.Json.Nodes;

namespace FeedbackBot.Channels.Tests.Slack.BlockKit;

/// <summary>
/// Does what a Slack client does with the bot's blocks: fills in a modal and builds the <c>view_submission</c>
/// view with its <c>state.values</c>, or presses a button in a message and builds the <c>block_actions</c> payload.
/// A person can only pick offered options, so answering with anything else fails the test.
/// </summary>
internal static class SlackClient
{
    /// <summary>The submitted view: the modal as rendered, with the state of every input.</summary>
    public static JsonElement SubmitView(JsonObject view, IReadOnlyDictionary<string, string> answers)
    {
        var values = new JsonObject();
        foreach (var block in SlackQuery.Blocks(view).Where(b => (string?)b["type"] == "input"))
        {
            var blockId = (string)block["block_id"]!;
            var element = block["element"]!.AsObject();
            var state = new JsonObject { ["type"] = (string?)element["type"] };
            var answer = answers.GetValueOrDefault(blockId);
            switch ((string?)element["type"])
            {
                case "plain_text_input":
                    state["value"] = answer;
                    break;
                case "radio_buttons" or "static_select":
                    state["selected_option"] = answer is null ? null : Offered(element, answer);
                    break;
                default:
                    // A choice may itself hold a comma; otherwise commas separate the picks, as in the Teams client.
                    var picks = answer is null ? [] : SlackQuery.Options(element).Any(o => (string?)o["value"] == answer) ? [answer] : answer.Split(',');
                    state["selected_options"] = new JsonArray([.. picks.Select(a => (JsonNode)Offered(element, a))]);
                    break;
            }

            values[blockId] = new JsonObject { [(string)element["action_id"]!] = state };
        }

        var submitted = view.DeepClone().AsObject();
        submitted["id"] = "V0123";
        submitted["state"] = new JsonObject { ["values"] = values };
        return JsonSerializer.SerializeToElement(submitted);
    }

    /// <summary>The ids of required inputs left empty: Slack refuses the submission itself and never sends it.</summary>
    public static List<string> RequiredLeftEmpty(JsonObject view, IReadOnlyDictionary<string, string> answers) =>
        [.. SlackQuery.Blocks(view)
            .Where(b => (string?)b["type"] == "input" && !(bool)b["optional"]!)
            .Select(b => (string)b["block_id"]!)
            .Where(id => string.IsNullOrEmpty(answers.GetValueOrDefault(id)))];

    /// <summary>The block_actions payload of pressing the button <paramref name="actionId"/>, with the feature select's state.</summary>
    public static JsonElement Press(JsonArray blocks, string actionId, string? selectedFeature = null)
    {
        var button = SlackQuery.Elements(blocks).Single(e => (string?)e["action_id"] == actionId);
        var values = new JsonObject();
        foreach (var block in blocks.Select(b => b!.AsObject()).Where(b => b["accessory"] is JsonObject))
        {
            var select = block["accessory"]!.AsObject();
            values[(string)block["block_id"]!] = new JsonObject
            {
                [(string)select["action_id"]!] = new JsonObject
                {
                    ["type"] = (string?)select["type"],
                    ["selected_option"] = selectedFeature is null ? null : Offered(select, selectedFeature),
                },
            };
        }

        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = "U0SAM" },
            ["trigger_id"] = "123.456.abc",
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1700000000.000100" },
            ["state"] = new JsonObject { ["values"] = values },
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = (string?)button["type"],
                ["action_id"] = actionId,
                ["block_id"] = "any",
                ["value"] = (string?)button["value"],
                ["action_ts"] = "1700000001.000200",
            }),
        };
        return JsonSerializer.SerializeToElement(payload);
    }

    private static JsonObject Offered(JsonObject element, string value)
    {
        var options = SlackQuery.Options(element);
        var option = options.FirstOrDefault(o => (string?)o["value"] == value);
        Assert.True(option is not null, $"'{value}' is not offered; offered: {string.Join(", ", options.Select(o => (string?)o["value"]))}");
        return option.DeepClone().AsObject();
    }
}
