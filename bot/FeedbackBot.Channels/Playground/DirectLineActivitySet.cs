using System.Text.Json.Serialization;
using FeedbackBot.Channels.BotFramework;

namespace FeedbackBot.Channels.Playground;

/// <summary>
/// The activities after a watermark, and the watermark to ask from next time: the position of the newest activity
/// in the conversation, as a decimal string ("0" for an empty one).
/// </summary>
public sealed record DirectLineActivitySet(
    [property: JsonPropertyName("activities")] IReadOnlyList<Activity> Activities,
    [property: JsonPropertyName("watermark")] string Watermark);
