using System.Text.Json.Nodes;

namespace FeedbackBot.Channels.Tests.AdaptiveCards;

/// <summary>Finds what a person sees on a card: its elements in reading order, inputs, texts and actions.</summary>
internal static class CardQuery
{
    /// <summary>Every element of the body, containers and columns opened, in the order they are shown.</summary>
    public static List<JsonObject> Elements(JsonObject card)
    {
        var found = new List<JsonObject>();
        Walk(card["body"] as JsonArray, found);
        return found;
    }

    public static List<JsonObject> Inputs(JsonObject card) =>
        [.. Elements(card).Where(e => Type(e).StartsWith("Input.", StringComparison.Ordinal))];

    public static JsonObject Input(JsonObject card, string id) =>
        Inputs(card).Single(i => (string?)i["id"] == id);

    /// <summary>The text of every text block, in order.</summary>
    public static List<string> Texts(JsonObject card) =>
        [.. Elements(card).Where(e => Type(e) == "TextBlock").Select(e => (string)e["text"]!)];

    public static List<JsonObject> TextBlocks(JsonObject card) =>
        [.. Elements(card).Where(e => Type(e) == "TextBlock")];

    /// <summary>Every fact as title → value, across all fact sets.</summary>
    public static List<(string Title, string Value)> Facts(JsonObject card) =>
        [.. Elements(card).Where(e => Type(e) == "FactSet")
            .SelectMany(f => f["facts"]!.AsArray().Select(x => ((string)x!["title"]!, (string)x["value"]!)))];

    public static List<JsonObject> Actions(JsonObject card) =>
        [.. (card["actions"] as JsonArray ?? []).Select(a => a!.AsObject())];

    public static string Type(JsonObject element) => (string?)element["type"] ?? string.Empty;

    private static void Walk(JsonArray? items, List<JsonObject> found)
    {
        foreach (var item in (items ?? []).OfType<JsonObject>())
        {
            found.Add(item);
            Walk(item["items"] as JsonArray, found);
            foreach (var column in (item["columns"] as JsonArray ?? []).OfType<JsonObject>())
            {
                Walk(column["items"] as JsonArray, found);
            }
        }
    }
}
