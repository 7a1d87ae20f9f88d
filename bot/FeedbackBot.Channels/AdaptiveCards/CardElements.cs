using System.Text.Json.Nodes;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Channels.AdaptiveCards;

/// <summary>
/// The card elements the bot uses. Every text goes through <see cref="CardMarkdown.Escape"/> here, so no card
/// builder can forget it.
/// </summary>
internal static class CardElements
{
    /// <summary>The hidden field of an <c>Action.Submit</c> fallback that carries the verb.</summary>
    /// <remarks>
    /// Question ids start with a letter or digit, so a name starting with an underscore can never be overwritten by an
    /// input of the same id when the client merges inputs into the action's data.
    /// </remarks>
    internal const string VerbField = "_verb";

    internal static JsonObject Heading(string text) => TextBlock(text, size: "medium", weight: "bolder", style: "heading");

    internal static JsonObject TextBlock(
        string text,
        string? color = null,
        bool subtle = false,
        string? weight = null,
        string? size = null,
        string? spacing = null,
        bool separator = false,
        string? style = null)
    {
        var block = new JsonObject
        {
            ["type"] = "TextBlock",
            ["text"] = CardMarkdown.Escape(text),
            ["wrap"] = true,
        };
        Set(block, "color", color);
        Set(block, "weight", weight);
        Set(block, "size", size);
        Set(block, "spacing", spacing);
        Set(block, "style", style);
        if (subtle)
        {
            block["isSubtle"] = true;
        }

        if (separator)
        {
            block["separator"] = true;
        }

        return block;
    }

    internal static JsonObject FactSet(IEnumerable<(string Title, string Value)> facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray(
        [
            .. facts.Select(f => (JsonNode)new JsonObject
            {
                ["title"] = CardMarkdown.Escape(f.Title),
                ["value"] = CardMarkdown.Escape(f.Value),
            }),
        ]),
    };

    internal static JsonObject Container(IEnumerable<JsonNode> items, string? style = null, string? spacing = null, bool separator = false)
    {
        var container = new JsonObject
        {
            ["type"] = "Container",
            ["items"] = new JsonArray([.. items]),
        };
        Set(container, "style", style);
        Set(container, "spacing", spacing);
        if (separator)
        {
            container["separator"] = true;
        }

        return container;
    }

    internal static JsonObject ColumnSet(params JsonObject[] columns) => new()
    {
        ["type"] = "ColumnSet",
        ["columns"] = new JsonArray([.. columns]),
    };

    internal static JsonObject Column(string width, params JsonNode[] items) => new()
    {
        ["type"] = "Column",
        ["width"] = width,
        ["items"] = new JsonArray(items),
    };

    internal static JsonObject Choice(string value, string title) => new()
    {
        ["title"] = title,
        ["value"] = value,
    };

    /// <summary>
    /// A Universal Action (<c>Action.Execute</c>) carrying hidden fields, with an <c>Action.Submit</c> fallback for
    /// clients without Universal Actions; the fallback carries the verb among its data since Action.Submit has none.
    /// </summary>
    internal static JsonObject Execute(string title, string verb, IEnumerable<KeyValuePair<string, string>> hidden)
    {
        var data = new JsonObject();
        foreach (var (key, value) in hidden)
        {
            data[key] = value;
        }

        var fallbackData = data.DeepClone().AsObject();
        fallbackData[VerbField] = verb;
        return new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = title,
            ["verb"] = verb,
            ["style"] = "positive",
            ["data"] = data,
            ["fallback"] = new JsonObject
            {
                ["type"] = "Action.Submit",
                ["title"] = title,
                ["style"] = "positive",
                ["data"] = fallbackData,
            },
        };
    }

    /// <summary>A button inside the card's body that asks the bot for a form, with the form's hidden fields.</summary>
    internal static JsonObject FormButton(FormButton button) => new()
    {
        ["type"] = "ActionSet",
        ["spacing"] = "small",
        ["actions"] = new JsonArray(Execute(button.Title, button.OpenVerb, button.Hidden)),
    };

    internal static JsonObject OpenUrl(string title, Uri url) => new()
    {
        ["type"] = "Action.OpenUrl",
        ["title"] = title,
        ["url"] = url.AbsoluteUri,
    };

    private static void Set(JsonObject element, string name, string? value)
    {
        if (value is not null)
        {
            element[name] = value;
        }
    }
}
