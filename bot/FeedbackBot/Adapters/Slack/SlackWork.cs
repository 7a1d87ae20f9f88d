using System.Text.Json;
using System.Text.Json.Nodes;

namespace FeedbackBot.Adapters.Slack;

/// <summary>
/// Work acknowledged to Slack and done afterwards, as kept in the inbox: what kind it is and the JSON it came as
/// (an Events API envelope, a slash command's fields, a <c>block_actions</c> payload), and the W3C trace context of
/// the request that acknowledged it, so the work continues that request's trace.
/// </summary>
internal sealed record SlackWork(string Kind, JsonElement Payload, string? TraceParent = null)
{
    public const string Event = "event";
    public const string Command = "command";
    public const string Action = "action";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static SlackWork? Deserialize(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<SlackWork>(text, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static SlackWork Of(string kind, JsonNode payload) => new(kind, JsonSerializer.SerializeToElement(payload));
}
