using System.Text.Json;
using FeedbackBot.Channels.BotFramework;

namespace FeedbackBot.Channels.Tests.Playground;

/// <summary>Activities as Web Chat posts them, and cards as the bot sends them.</summary>
internal static class Activities
{
    public static Activity Message(string text, string? clientActivityId = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        ChannelData = clientActivityId is null ? null : Json($$"""{"clientActivityID":"{{clientActivityId}}","clientTimestamp":"2026-11-25T09:00:00.000Z"}"""),
    };

    public static Activity Card(string json) => new()
    {
        Attachments = [new Attachment { ContentType = "application/vnd.microsoft.card.adaptive", Content = Json(json) }],
    };

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
