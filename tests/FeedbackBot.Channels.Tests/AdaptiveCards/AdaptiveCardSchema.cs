using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FeedbackBot.Channels.AdaptiveCards;

namespace FeedbackBot.Channels.Tests.AdaptiveCards;

/// <summary>
/// The rules of Adaptive Card schema 1.5 (adaptivecards.io/schemas/1.5.0) that the bot's cards rely on, plus the
/// Teams rules the bot follows: a card is checked element by element, with unknown types and unknown properties
/// refused as the schema's <c>additionalProperties: false</c> refuses them.
/// </summary>
internal static class AdaptiveCardSchema
{
    private static readonly string[] ElementProperties = ["type", "id", "isVisible", "requires", "fallback", "height", "separator", "spacing"];
    private static readonly string[] InputProperties = [.. ElementProperties, "label", "isRequired", "errorMessage"];
    private static readonly string[] ActionProperties = ["type", "title", "iconUrl", "id", "style", "fallback", "tooltip", "isEnabled", "mode", "requires"];

    private static readonly Dictionary<string, (string[] Required, string[] Optional)> Elements = new(StringComparer.Ordinal)
    {
        ["TextBlock"] = (["text"], ["color", "fontType", "horizontalAlignment", "isSubtle", "maxLines", "size", "weight", "wrap", "style"]),
        ["FactSet"] = (["facts"], []),
        ["Container"] = (["items"], ["selectAction", "style", "verticalContentAlignment", "bleed", "backgroundImage", "minHeight", "rtl"]),
        ["ColumnSet"] = ([], ["columns", "selectAction", "style", "bleed", "minHeight", "horizontalAlignment"]),
        ["ActionSet"] = (["actions"], []),
        ["Image"] = (["url"], ["altText", "backgroundColor", "horizontalAlignment", "selectAction", "size", "style", "width"]),
        ["Input.Text"] = ([], ["isMultiline", "maxLength", "placeholder", "regex", "style", "inlineAction", "value"]),
        ["Input.Number"] = ([], ["max", "min", "placeholder", "value"]),
        ["Input.ChoiceSet"] = (["choices"], ["isMultiSelect", "style", "value", "placeholder", "wrap"]),
        ["Input.Toggle"] = (["title"], ["value", "valueOff", "valueOn", "wrap"]),
        ["Input.Date"] = ([], ["max", "min", "placeholder", "value"]),
        ["Input.Time"] = ([], ["max", "min", "placeholder", "value"]),
    };

    private static readonly Dictionary<string, (string[] Required, string[] Optional)> Actions = new(StringComparer.Ordinal)
    {
        ["Action.Execute"] = ([], ["verb", "data", "associatedInputs"]),
        ["Action.Submit"] = ([], ["data", "associatedInputs"]),
        ["Action.OpenUrl"] = (["url"], []),
        ["Action.ShowCard"] = ([], ["card"]),
        ["Action.ToggleVisibility"] = (["targetElements"], []),
    };

    private static readonly string[] CardProperties =
        ["$schema", "type", "version", "refresh", "authentication", "body", "actions", "selectAction", "fallbackText", "backgroundImage", "minHeight", "rtl", "speak", "lang", "verticalContentAlignment"];

    private static readonly Dictionary<string, string[]> Enums = new(StringComparer.Ordinal)
    {
        ["color"] = ["default", "dark", "light", "accent", "good", "warning", "attention"],
        ["size"] = ["default", "small", "medium", "large", "extraLarge"],
        ["weight"] = ["default", "lighter", "bolder"],
        ["spacing"] = ["default", "none", "small", "medium", "large", "extraLarge", "padding"],
        ["horizontalAlignment"] = ["left", "center", "right"],
        ["height"] = ["auto", "stretch"],
        ["fontType"] = ["default", "monospace"],
        ["mode"] = ["primary", "secondary"],
    };

    private static readonly Dictionary<string, string[]> Styles = new(StringComparer.Ordinal)
    {
        ["TextBlock"] = ["default", "heading"],
        ["Container"] = ["default", "emphasis", "good", "attention", "warning", "accent"],
        ["ColumnSet"] = ["default", "emphasis", "good", "attention", "warning", "accent"],
        ["Column"] = ["default", "emphasis", "good", "attention", "warning", "accent"],
        ["Input.ChoiceSet"] = ["compact", "expanded", "filtered"],
        ["Input.Text"] = ["text", "tel", "url", "email", "password"],
        ["Action"] = ["default", "positive", "destructive"],
    };

    private static readonly HashSet<string> Booleans = new(StringComparer.Ordinal)
    {
        "wrap", "isSubtle", "separator", "isVisible", "isRequired", "isMultiSelect", "isMultiline", "bleed", "isEnabled", "rtl",
    };

    private static readonly HashSet<string> Strings = new(StringComparer.Ordinal)
    {
        "text", "id", "label", "errorMessage", "placeholder", "title", "verb", "url", "regex", "altText", "tooltip", "minHeight",
    };

    /// <summary>Every way the card breaks the rules, each with where it is; empty for a valid card.</summary>
    public static IReadOnlyList<string> Problems(JsonNode? card)
    {
        var check = new Check();
        check.Card(card);
        return check.Found;
    }

    public static void AssertValid(JsonNode? card)
    {
        var problems = Problems(card);
        Assert.True(problems.Count == 0, "The card breaks Adaptive Card 1.5:\n" + string.Join('\n', problems));
    }

    private sealed class Check
    {
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

        public List<string> Found { get; } = [];

        public void Card(JsonNode? node)
        {
            if (node is not JsonObject card)
            {
                Found.Add("$: a card is a JSON object");
                return;
            }

            Properties(card, "$", [], CardProperties);
            Expect(card, "$", "type", "AdaptiveCard");
            Expect(card, "$", "version", AdaptiveCardFormat.Version);
            Expect(card, "$", "$schema", AdaptiveCardFormat.SchemaUrl);
            ElementList(card["body"], "$.body", optional: true);
            ActionList(card["actions"], "$.actions", optional: true);
            if (Encoding.UTF8.GetByteCount(card.ToJsonString()) > AdaptiveCardFormat.MaxBytes)
            {
                Found.Add($"$: larger than the {AdaptiveCardFormat.MaxBytes} bytes Teams accepts");
            }
        }

        private void ElementList(JsonNode? node, string path, bool optional)
        {
            if (node is null && optional)
            {
                return;
            }

            if (node is not JsonArray elements)
            {
                Found.Add($"{path}: must be an array of elements");
                return;
            }

            for (var i = 0; i < elements.Count; i++)
            {
                Element(elements[i], $"{path}[{i}]");
            }
        }

        private void ActionList(JsonNode? node, string path, bool optional)
        {
            if (node is null && optional)
            {
                return;
            }

            if (node is not JsonArray actions)
            {
                Found.Add($"{path}: must be an array of actions");
                return;
            }

            for (var i = 0; i < actions.Count; i++)
            {
                Action(actions[i], $"{path}[{i}]");
            }
        }

        private void Element(JsonNode? node, string path)
        {
            if (node is not JsonObject element)
            {
                Found.Add($"{path}: an element is a JSON object");
                return;
            }

            var type = TypeOf(element);
            if (type is null || !Elements.TryGetValue(type, out var rule))
            {
                Found.Add($"{path}: unknown element type '{type}'");
                return;
            }

            var input = type.StartsWith("Input.", StringComparison.Ordinal);
            Properties(element, path, rule.Required, [.. input ? InputProperties : ElementProperties, .. rule.Optional]);
            Common(element, path, type);
            if (input)
            {
                Input(element, path);
            }

            switch (type)
            {
                case "Container":
                    ElementList(element["items"], path + ".items", optional: false);
                    break;
                case "ColumnSet":
                    Columns(element["columns"], path + ".columns");
                    break;
                case "ActionSet":
                    ActionList(element["actions"], path + ".actions", optional: false);
                    break;
                case "FactSet":
                    Facts(element["facts"], path + ".facts");
                    break;
                case "Input.ChoiceSet":
                    StringProperty(element, path, "value");
                    Choices(element, path);
                    break;
                case "Input.Number":
                    Numbers(element, path, "min", "max", "value");
                    break;
                case "Input.Text":
                    Numbers(element, path, "maxLength");
                    StringProperty(element, path, "value");
                    break;
                default:
                    break;
            }
        }

        private void Input(JsonObject input, string path)
        {
            if (input["id"] is not JsonValue id || !id.TryGetValue(out string? text) || text.Length == 0)
            {
                Found.Add($"{path}: an input needs an id");
            }

            // Teams shows the required marker and the error message only with a label; our cards always give both.
            if (input["isRequired"]?.GetValueKind() == JsonValueKind.True)
            {
                if (input["label"] is null)
                {
                    Found.Add($"{path}: a required input needs a label");
                }

                if (input["errorMessage"] is null)
                {
                    Found.Add($"{path}: a required input needs an errorMessage");
                }
            }
        }

        private void Columns(JsonNode? node, string path)
        {
            if (node is null)
            {
                return;
            }

            if (node is not JsonArray columns)
            {
                Found.Add($"{path}: must be an array of columns");
                return;
            }

            for (var i = 0; i < columns.Count; i++)
            {
                var columnPath = $"{path}[{i}]";
                if (columns[i] is not JsonObject column)
                {
                    Found.Add($"{columnPath}: a column is a JSON object");
                    continue;
                }

                if (column["type"] is not null && TypeOf(column) != "Column")
                {
                    Found.Add($"{columnPath}: a column's type must be Column");
                }

                Properties(
                    column,
                    columnPath,
                    [],
                    ["type", "items", "backgroundImage", "bleed", "fallback", "minHeight", "rtl", "separator", "spacing", "selectAction", "style", "verticalContentAlignment", "width", "id", "isVisible", "requires"]);
                Common(column, columnPath, "Column");
                if (column["width"] is JsonNode width && width.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Number))
                {
                    Found.Add($"{columnPath}.width: must be a string or a number");
                }

                ElementList(column["items"], columnPath + ".items", optional: true);
            }
        }

        private void Facts(JsonNode? node, string path)
        {
            if (node is not JsonArray facts)
            {
                Found.Add($"{path}: must be an array of facts");
                return;
            }

            for (var i = 0; i < facts.Count; i++)
            {
                if (facts[i] is not JsonObject fact)
                {
                    Found.Add($"{path}[{i}]: a fact is a JSON object");
                    continue;
                }

                Properties(fact, $"{path}[{i}]", ["title", "value"], ["type", "title", "value"]);
                StringProperty(fact, $"{path}[{i}]", "title");
                StringProperty(fact, $"{path}[{i}]", "value");
            }
        }

        private void Choices(JsonObject choiceSet, string path)
        {
            if (choiceSet["choices"] is not JsonArray choices || choices.Count == 0)
            {
                Found.Add($"{path}.choices: a choice set needs at least one choice");
                return;
            }

            var multi = choiceSet["isMultiSelect"]?.GetValueKind() == JsonValueKind.True;
            var values = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < choices.Count; i++)
            {
                var choicePath = $"{path}.choices[{i}]";
                if (choices[i] is not JsonObject choice)
                {
                    Found.Add($"{choicePath}: a choice is a JSON object");
                    continue;
                }

                Properties(choice, choicePath, ["title", "value"], ["type", "title", "value"]);
                StringProperty(choice, choicePath, "title");
                StringProperty(choice, choicePath, "value");
                if (choice["value"] is JsonValue v && v.TryGetValue(out string? value))
                {
                    if (!values.Add(value))
                    {
                        Found.Add($"{choicePath}: the value '{value}' is used twice");
                    }

                    // A multi-select answer is the chosen values joined with commas.
                    if (multi && value.Contains(',', StringComparison.Ordinal))
                    {
                        Found.Add($"{choicePath}: a multi-select value may not contain a comma");
                    }
                }
            }

            if (choiceSet["value"] is JsonValue initial && initial.TryGetValue(out string? selected))
            {
                var picked = multi ? selected.Split(',') : [selected];
                foreach (var unknown in picked.Where(p => !values.Contains(p)))
                {
                    Found.Add($"{path}.value: '{unknown}' is not one of the choices");
                }
            }
        }

        private void Action(JsonNode? node, string path)
        {
            if (node is not JsonObject action)
            {
                Found.Add($"{path}: an action is a JSON object");
                return;
            }

            var type = TypeOf(action);
            if (type is null || !Actions.TryGetValue(type, out var rule))
            {
                Found.Add($"{path}: unknown action type '{type}'");
                return;
            }

            Properties(action, path, ["title", .. rule.Required], [.. ActionProperties, .. rule.Optional]);
            Common(action, path, "Action");
            if (action["data"] is JsonNode data && data.GetValueKind() is not (JsonValueKind.Object or JsonValueKind.String))
            {
                Found.Add($"{path}.data: must be an object or a string");
            }

            if (type == "Action.OpenUrl"
                && (action["url"] is not JsonValue url || !url.TryGetValue(out string? address)
                    || !Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
            {
                Found.Add($"{path}.url: must be an absolute http or https address");
            }

            switch (action["fallback"])
            {
                case null:
                    break;
                case JsonValue drop when drop.TryGetValue(out string? option) && option == "drop":
                    break;
                case JsonObject fallback:
                    Action(fallback, path + ".fallback");
                    break;
                default:
                    Found.Add($"{path}.fallback: must be \"drop\" or an action object");
                    break;
            }
        }

        private void Common(JsonObject item, string path, string type)
        {
            foreach (var (name, value) in item)
            {
                if (value is null)
                {
                    Found.Add($"{path}.{name}: null is not a value");
                    continue;
                }

                if (Booleans.Contains(name) && value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    Found.Add($"{path}.{name}: must be true or false");
                }

                if (Strings.Contains(name) && value.GetValueKind() != JsonValueKind.String)
                {
                    Found.Add($"{path}.{name}: must be a string");
                }

                if (name is "text" or "title" or "label" && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Trim().Length == 0)
                {
                    Found.Add($"{path}.{name}: is empty");
                }

                var allowed = name == "style" ? Styles.GetValueOrDefault(type) : Enums.GetValueOrDefault(name);
                if (allowed is not null && (value.GetValueKind() != JsonValueKind.String || !allowed.Contains(value.GetValue<string>())))
                {
                    Found.Add($"{path}.{name}: '{value.ToJsonString()}' is not one of {string.Join(", ", allowed)}");
                }
            }

            if (item["id"] is JsonValue id && id.TryGetValue(out string? identifier) && !_ids.Add(identifier))
            {
                Found.Add($"{path}.id: '{identifier}' is used twice on the card");
            }
        }

        private void Properties(JsonObject item, string path, string[] required, string[] allowed)
        {
            foreach (var name in required.Where(r => item[r] is null))
            {
                Found.Add($"{path}: '{name}' is required");
            }

            foreach (var (name, _) in item.Where(p => !allowed.Contains(p.Key) && !required.Contains(p.Key)))
            {
                Found.Add($"{path}: '{name}' is not a property here");
            }
        }

        private void Expect(JsonObject item, string path, string name, string expected)
        {
            if (item[name] is not JsonValue value || !value.TryGetValue(out string? actual) || actual != expected)
            {
                Found.Add($"{path}.{name}: must be '{expected}'");
            }
        }

        private void StringProperty(JsonObject item, string path, string name)
        {
            if (item[name] is JsonNode value && value.GetValueKind() != JsonValueKind.String)
            {
                Found.Add($"{path}.{name}: must be a string");
            }
        }

        private void Numbers(JsonObject item, string path, params string[] names)
        {
            foreach (var name in names.Where(n => item[n] is JsonNode value && value.GetValueKind() != JsonValueKind.Number))
            {
                Found.Add($"{path}.{name}: must be a number");
            }
        }

        private static string? TypeOf(JsonObject item) =>
            item["type"] is JsonValue type && type.TryGetValue(out string? text) ? text : null;
    }
}
