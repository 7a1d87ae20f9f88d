using System.Text.Json;
using System.Text.Json.Nodes;
using FeedbackBot.Channels.BotFramework;

namespace FeedbackBot.Channels.Playground;

/// <summary>
/// Teams gives a card submission the card's message id as <c>replyToId</c>, which is how a bot knows which card to
/// update; Web Chat sends an Action.Submit without it. So the store writes the card's activity id into the data of
/// each of its Action.Submit actions, and takes it out again when the submission comes back, as <c>replyToId</c>.
/// </summary>
public static class CardSubmitReplyTo
{
    /// <summary>The data field that carries the card's activity id through the browser and back.</summary>
    public const string DataField = "__playgroundReplyToId";

    /// <summary>The bot activity with its id written into every Action.Submit of its Adaptive Cards.</summary>
    public static Activity Stamp(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Id is not { } id || activity.Attachments is not { Count: > 0 } attachments
            || !attachments.Any(a => a.ContentType == UniversalActionFallback.AdaptiveCardContentType && a.Content is { ValueKind: JsonValueKind.Object }))
        {
            return activity;
        }

        return activity with
        {
            Attachments = attachments.Select(a =>
            {
                if (a.ContentType != UniversalActionFallback.AdaptiveCardContentType || a.Content is not { ValueKind: JsonValueKind.Object } content)
                {
                    return a;
                }

                var card = JsonNode.Parse(content.GetRawText())!;
                StampSubmits(card, id);
                return a with { Content = JsonSerializer.SerializeToElement(card) };
            }).ToList(),
        };
    }

    /// <summary>
    /// A posted submission with the stamped id moved to <c>replyToId</c>, if it names an activity of
    /// <paramref name="conversationId"/>; a stamp naming another conversation is removed and ignored.
    /// </summary>
    public static Activity Unstamp(Activity activity, string conversationId)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value || !value.TryGetProperty(DataField, out var stamp))
        {
            return activity;
        }

        var data = JsonNode.Parse(value.GetRawText())!.AsObject();
        data.Remove(DataField);
        var cardId = stamp.ValueKind == JsonValueKind.String ? stamp.GetString() : null;
        var ours = cardId is not null && cardId.StartsWith(conversationId + "|", StringComparison.Ordinal);
        return activity with
        {
            Value = JsonSerializer.SerializeToElement(data),
            ReplyToId = ours ? cardId : activity.ReplyToId,
        };
    }

    private static void StampSubmits(JsonNode? node, string id)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"] is JsonValue type && type.TryGetValue<string>(out var name) && name == "Action.Submit"
                    && obj["data"] is null or JsonObject)
                {
                    var data = obj["data"] as JsonObject ?? [];
                    data[DataField] = id;
                    obj["data"] = data;
                }

                foreach (var (_, child) in obj.ToList())
                {
                    StampSubmits(child, id);
                }

                break;
            case JsonArray array:
                foreach (var child in array.ToList())
                {
                    StampSubmits(child, id);
                }

                break;
        }
    }
}
