using System.Text.Json.Serialization;

namespace FeedbackBot.Channels.Playground;

/// <summary>
/// The answer to starting, reconnecting to, or refreshing the token of a conversation. It has no <c>streamUrl</c>:
/// this subset has no WebSocket stream, so clients poll (Web Chat with <c>webSocket: false</c>).
/// </summary>
public sealed record DirectLineConversation(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);
