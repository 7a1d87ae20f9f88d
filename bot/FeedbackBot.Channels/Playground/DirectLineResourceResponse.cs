using System.Text.Json.Serialization;

namespace FeedbackBot.Channels.Playground;

/// <summary>The answer to posting an activity: the id the server gave it.</summary>
public sealed record DirectLineResourceResponse([property: JsonPropertyName("id")] string Id);
