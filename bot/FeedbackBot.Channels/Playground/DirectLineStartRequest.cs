using System.Text.Json.Serialization;
using FeedbackBot.Channels.BotFramework;

namespace FeedbackBot.Channels.Playground;

/// <summary>
/// The body of <c>POST /v3/directline/conversations</c>, as botframework-directlinejs sends it: <c>user.id</c> picks
/// the identity (one of <see cref="PlaygroundIdentity.All"/>); without one the conversation is the first identity's.
/// </summary>
public sealed record DirectLineStartRequest
{
    [JsonPropertyName("user")]
    public ChannelAccount? User { get; init; }

    [JsonPropertyName("locale")]
    public string? Locale { get; init; }
}
