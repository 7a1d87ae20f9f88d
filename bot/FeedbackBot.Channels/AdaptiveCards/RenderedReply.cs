using System.Text.Json;
using System.Text.Json.Nodes;
using FeedbackBot.Channels.BotFramework;

namespace FeedbackBot.Channels.AdaptiveCards;

/// <summary>
/// A reply as Teams and the playground show it: either a text message (Teams markdown) or one Adaptive Card.
/// A class, not a record: a card is a mutable JSON tree, so two replies are never "equal" by value.
/// </summary>
public sealed class RenderedReply
{
    private RenderedReply(string? text, JsonObject? card)
    {
        Text = text;
        Card = card;
    }

    /// <summary>The message text, when the reply is plain text; otherwise null.</summary>
    public string? Text { get; }

    /// <summary>The Adaptive Card, when the reply is a card; otherwise null.</summary>
    public JsonObject? Card { get; }

    /// <summary>Whether the reply is a card rather than text.</summary>
    public bool IsCard => Card is not null;

    /// <summary>A plain text reply.</summary>
    public static RenderedReply FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new RenderedReply(text, null);
    }

    /// <summary>A card reply.</summary>
    public static RenderedReply FromCard(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new RenderedReply(null, card);
    }

    /// <summary>The card as an activity attachment, or null for a text reply.</summary>
    public Attachment? ToAttachment() => Card is null
        ? null
        : new Attachment
        {
            ContentType = AdaptiveCardFormat.ContentType,
            Content = JsonSerializer.SerializeToElement(Card, AdaptiveCardFormat.WireOptions),
        };
}
