using System.Text.Json.Nodes;
using FeedbackBot.Channels.Slack.BlockKit;

namespace FeedbackBot.Channels.Tests.Slack.BlockKit;

/// <summary>Reads rendered blocks the way a person reads the message: its texts, its inputs, its buttons.</summary>
internal static class SlackQuery
{
    public static List<JsonObject> Blocks(JsonObject view) => [.. view["blocks"]!.AsArray().Select(b => b!.AsObject())];

    public static List<JsonObject> Blocks(SlackMessage message) => [.. message.Blocks.Select(b => b!.AsObject())];

    /// <summary>Every text a person sees, in order: headers, sections, fields, contexts, labels, buttons and options.</summary>
    public static List<string> Texts(JsonNode node)
    {
        var texts = new List<string>();
        Collect(node, texts);
        return texts;
    }

    /// <summary>All of the message's texts joined by line breaks.</summary>
    public static string AllText(SlackMessage message) => string.Join('\n', Texts(message.Blocks));

    /// <summary>The interactive elements of blocks: accessories, actions and input elements.</summary>
    public static List<JsonObject> Elements(JsonArray blocks) =>
        [.. blocks.Select(b => b!.AsObject()).SelectMany(b =>
            (b["elements"] is JsonArray elements && (string?)b["type"] == "actions" ? elements.Select(e => e!.AsObject()) : [])
            .Concat(b["accessory"] is JsonObject accessory ? [accessory] : [])
            .Concat(b["element"] is JsonObject element ? [element] : []))];

    /// <summary>A select's or a radio group's options, flattened out of option groups.</summary>
    public static List<JsonObject> Options(JsonObject element) =>
        element["option_groups"] is JsonArray groups
            ? [.. groups.SelectMany(g => g!["options"]!.AsArray()).Select(o => o!.AsObject())]
            : [.. element["options"]!.AsArray().Select(o => o!.AsObject())];

    public static JsonObject Input(JsonObject view, string blockId) =>
        Blocks(view).Single(b => (string?)b["type"] == "input" && (string?)b["block_id"] == blockId);

    private static void Collect(JsonNode? node, List<string> texts)
    {
        switch (node)
        {
            case JsonObject obj when obj["type"] is JsonValue type && (string?)type is "plain_text" or "mrkdwn" && obj["text"] is JsonValue text:
                texts.Add((string)text!);
                break;
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Collect(child, texts);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Collect(child, texts);
                }

                break;
        }
    }
}
