using System.Text.Json;
using System.Text.Json.Nodes;
using static FeedbackBot.Channels.Slack.BlockKit.BlockKitLimits;

namespace FeedbackBot.Channels.Slack.BlockKit;

/// <summary>One walk of a message or view for <see cref="BlockKitLimits.Check(JsonObject)"/>, collecting every problem.</summary>
internal sealed class LimitCheck
{
    /// <summary>The top-level text of a message; longer ones Slack cuts, so the bot never sends one.</summary>
    private const int MessageText = 40000;

    private readonly HashSet<string> _blockIds = new(StringComparer.Ordinal);

    internal List<string> Problems { get; } = [];

    internal void Surface(JsonObject surface)
    {
        var type = Text(surface["type"]);
        var isView = type is "modal" or "home";
        if (!isView)
        {
            MaxLength(surface["text"], "text", MessageText);
        }

        if (surface["blocks"] is not JsonArray blocks)
        {
            Problems.Add("blocks: missing");
            return;
        }

        var maxBlocks = isView ? ModalBlocks : MessageBlocks;
        if (blocks.Count > maxBlocks)
        {
            Problems.Add($"blocks: {Count(blocks.Count)} blocks; at most {Count(maxBlocks)}");
        }

        if (type == "modal")
        {
            Modal(surface, blocks);
        }

        for (var i = 0; i < blocks.Count; i++)
        {
            Block(blocks[i], $"blocks[{Count(i)}]");
        }
    }

    private void Modal(JsonObject view, JsonArray blocks)
    {
        TextObject(view["title"], "title", ModalTitle, plainOnly: true);
        if (view["submit"] is { } submit)
        {
            TextObject(submit, "submit", ModalTitle, plainOnly: true);
        }
        else if (blocks.Any(b => Text(b?["type"]) == "input"))
        {
            Problems.Add("submit: missing; a modal with inputs needs one");
        }

        if (view["close"] is { } close)
        {
            TextObject(close, "close", ModalTitle, plainOnly: true);
        }

        MaxLength(view["callback_id"], "callback_id", Id);
        MaxLength(view["private_metadata"], "private_metadata", PrivateMetadata);
    }

    private void Block(JsonNode? node, string path)
    {
        if (node is not JsonObject block)
        {
            Problems.Add($"{path}: not an object");
            return;
        }

        if (block["block_id"] is { } blockId)
        {
            MaxLength(blockId, $"{path}.block_id", Id);
            if (Text(blockId) is { } id && !_blockIds.Add(id))
            {
                Problems.Add($"{path}.block_id: \"{id}\" is used twice");
            }
        }

        switch (Text(block["type"]))
        {
            case "section":
                Section(block, path);
                break;
            case "header":
                TextObject(block["text"], $"{path}.text", HeaderText, plainOnly: true);
                break;
            case "context":
                Elements(block, path, ContextElements, (element, elementPath) => TextObject(element, elementPath, SectionText));
                break;
            case "actions":
                var actionIds = new HashSet<string>(StringComparer.Ordinal);
                Elements(block, path, ActionElements, (element, elementPath) =>
                {
                    Element(element, elementPath);
                    if (Text(element?["action_id"]) is { } actionId && !actionIds.Add(actionId))
                    {
                        Problems.Add($"{elementPath}.action_id: \"{actionId}\" is used twice in one block");
                    }
                });
                break;
            case "input":
                TextObject(block["label"], $"{path}.label", InputLabel, plainOnly: true);
                if (block["hint"] is { } hint)
                {
                    TextObject(hint, $"{path}.hint", InputLabel, plainOnly: true);
                }

                Element(block["element"], $"{path}.element");
                break;
            case "divider":
                break;
            case var other:
                Problems.Add($"{path}.type: \"{other}\" is not a block the bot uses");
                break;
        }
    }

    private void Section(JsonObject block, string path)
    {
        if (block["text"] is null && block["fields"] is null)
        {
            Problems.Add($"{path}: a section needs text or fields");
        }

        if (block["text"] is { } text)
        {
            TextObject(text, $"{path}.text", SectionText);
        }

        if (block["fields"] is JsonArray fields)
        {
            if (fields.Count > SectionFields)
            {
                Problems.Add($"{path}.fields: {Count(fields.Count)} fields; at most {Count(SectionFields)}");
            }

            for (var i = 0; i < fields.Count; i++)
            {
                TextObject(fields[i], $"{path}.fields[{Count(i)}]", FieldText);
            }
        }

        if (block["accessory"] is { } accessory)
        {
            Element(accessory, $"{path}.accessory");
        }
    }

    private void Elements(JsonObject block, string path, int max, Action<JsonNode?, string> each)
    {
        if (block["elements"] is not JsonArray elements || elements.Count == 0)
        {
            Problems.Add($"{path}.elements: missing or empty");
            return;
        }

        if (elements.Count > max)
        {
            Problems.Add($"{path}.elements: {Count(elements.Count)} elements; at most {Count(max)}");
        }

        for (var i = 0; i < elements.Count; i++)
        {
            each(elements[i], $"{path}.elements[{Count(i)}]");
        }
    }

    private void Element(JsonNode? node, string path)
    {
        if (node is not JsonObject element)
        {
            Problems.Add($"{path}: missing");
            return;
        }

        MaxLength(element["action_id"], $"{path}.action_id", Id);
        if (element["placeholder"] is { } placeholder)
        {
            TextObject(placeholder, $"{path}.placeholder", Placeholder, plainOnly: true);
        }

        switch (Text(element["type"]))
        {
            case "button":
                TextObject(element["text"], $"{path}.text", ButtonText, plainOnly: true);
                MaxLength(element["value"], $"{path}.value", ButtonValue);
                MaxLength(element["url"], $"{path}.url", Url);
                break;
            case "static_select" or "multi_static_select":
                Select(element, path);
                break;
            case "radio_buttons" or "checkboxes":
                var options = Options(element["options"], $"{path}.options", RadioOptions);
                Initial(element, path, options);
                break;
            case "plain_text_input":
                var maxLength = element["max_length"] is JsonValue value && value.TryGetValue<int>(out var length) ? length : TextInputLength;
                if (maxLength > TextInputLength)
                {
                    Problems.Add($"{path}.max_length: {Count(maxLength)}; at most {Count(TextInputLength)}");
                }

                MaxLength(element["initial_value"], $"{path}.initial_value", Math.Min(maxLength, TextInputLength));
                break;
            case var other:
                Problems.Add($"{path}.type: \"{other}\" is not an element the bot uses");
                break;
        }
    }

    private void Select(JsonObject element, string path)
    {
        var options = new List<string>();
        if (element["options"] is not null && element["option_groups"] is not null)
        {
            Problems.Add($"{path}: options and option_groups both given");
        }

        if (element["option_groups"] is JsonArray groups)
        {
            if (groups.Count > SelectOptions)
            {
                Problems.Add($"{path}.option_groups: {Count(groups.Count)} groups; at most {Count(SelectOptions)}");
            }

            for (var i = 0; i < groups.Count; i++)
            {
                var groupPath = $"{path}.option_groups[{Count(i)}]";
                TextObject(groups[i]?["label"], $"{groupPath}.label", OptionText, plainOnly: true);
                options.AddRange(Options(groups[i]?["options"], $"{groupPath}.options", SelectOptions));
            }
        }
        else
        {
            options.AddRange(Options(element["options"], $"{path}.options", SelectOptions));
        }

        Initial(element, path, options);
    }

    private List<string> Options(JsonNode? node, string path, int max)
    {
        var values = new List<string>();
        if (node is not JsonArray options || options.Count == 0)
        {
            Problems.Add($"{path}: missing or empty");
            return values;
        }

        if (options.Count > max)
        {
            Problems.Add($"{path}: {Count(options.Count)} options; at most {Count(max)}");
        }

        for (var i = 0; i < options.Count; i++)
        {
            var optionPath = $"{path}[{Count(i)}]";
            TextObject(options[i]?["text"], $"{optionPath}.text", OptionText);
            if (Text(options[i]?["value"]) is not { Length: > 0 } value)
            {
                Problems.Add($"{optionPath}.value: missing");
                continue;
            }

            MaxLength(options[i]?["value"], $"{optionPath}.value", OptionValue);
            values.Add(value);
        }

        return values;
    }

    /// <summary>Slack refuses an initial option that is not exactly one of the element's options.</summary>
    private void Initial(JsonObject element, string path, List<string> options)
    {
        var initial = element["initial_option"] is { } one ? [one] : (element["initial_options"] as JsonArray)?.ToList() ?? [];
        foreach (var option in initial)
        {
            if (Text(option?["value"]) is not { } value || !options.Contains(value))
            {
                Problems.Add($"{path}: initial option \"{Text(option?["value"])}\" is not one of the options");
            }
        }
    }

    private void TextObject(JsonNode? node, string path, int max, bool plainOnly = false)
    {
        if (node is not JsonObject text)
        {
            Problems.Add($"{path}: missing text object");
            return;
        }

        var type = Text(text["type"]);
        if (type is not ("plain_text" or "mrkdwn") || (plainOnly && type != "plain_text"))
        {
            Problems.Add($"{path}.type: \"{type}\"; expected {(plainOnly ? "plain_text" : "plain_text or mrkdwn")}");
        }

        if (Text(text["text"]) is not { Length: > 0 })
        {
            Problems.Add($"{path}.text: empty");
        }

        MaxLength(text["text"], $"{path}.text", max);
    }

    private void MaxLength(JsonNode? node, string path, int max)
    {
        if (Text(node) is { } text && text.Length > max)
        {
            Problems.Add($"{path}: {Count(text.Length)} characters; at most {Count(max)}");
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
