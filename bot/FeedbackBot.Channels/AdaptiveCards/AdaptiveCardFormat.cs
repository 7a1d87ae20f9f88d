using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FeedbackBot.Channels.AdaptiveCards;

/// <summary>The Adaptive Card format the bot writes: schema 1.5, the highest version Teams renders.</summary>
public static class AdaptiveCardFormat
{
    /// <summary>The attachment content type of an Adaptive Card.</summary>
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The schema every card declares.</summary>
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>The card schema version every card declares.</summary>
    public const string Version = "1.5";

    /// <summary>The largest card Teams accepts, in bytes of UTF-8 JSON.</summary>
    public const int MaxBytes = 28 * 1024;

    /// <summary>The size of a card as Teams counts it: its JSON in UTF-8.</summary>
    public static int SizeInBytes(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return Encoding.UTF8.GetByteCount(card.ToJsonString(WireOptions));
    }

    internal static JsonSerializerOptions WireOptions { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>A top-level card with the given body and actions; <paramref name="fallbackText"/> is what a client too old for 1.5 shows instead.</summary>
    internal static JsonObject Card(string fallbackText, IEnumerable<JsonNode> body, IEnumerable<JsonNode>? actions = null)
    {
        var card = new JsonObject
        {
            ["$schema"] = SchemaUrl,
            ["type"] = "AdaptiveCard",
            ["version"] = Version,
            ["fallbackText"] = CardMarkdown.Escape(fallbackText),
            ["body"] = new JsonArray([.. body]),
        };
        var actionArray = new JsonArray([.. actions ?? []]);
        if (actionArray.Count > 0)
        {
            card["actions"] = actionArray;
        }

        return card;
    }
}
