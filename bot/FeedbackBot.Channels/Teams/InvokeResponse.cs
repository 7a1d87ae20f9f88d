using System.Text.Json.Nodes;

namespace FeedbackBot.Channels.Teams;

/// <summary>
/// The answer to an invoke activity: the HTTP status to send and the JSON body. For <c>adaptiveCard/action</c> the
/// HTTP status is 200 and the outcome is in the body's <c>statusCode</c>.
/// </summary>
public sealed record InvokeResponse(int Status, JsonObject Body)
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    /// <summary>Replaces the card, for the person who acted, with <paramref name="card"/>.</summary>
    public static InvokeResponse Card(JsonNode card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return Wrap(200, CardType, card.DeepClone());
    }

    /// <summary>Shows <paramref name="text"/> to the person who acted; the card stays as it was.</summary>
    public static InvokeResponse Message(string text) => Wrap(200, MessageType, JsonValue.Create(text));

    /// <summary>Reports a failure with a code and a message; <paramref name="statusCode"/> is 4xx or 5xx.</summary>
    public static InvokeResponse Error(int statusCode, string code, string message)
    {
        if (statusCode is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "An error's status code is 4xx or 5xx.");
        }

        return Wrap(statusCode, ErrorType, new JsonObject { ["code"] = code, ["message"] = message });
    }

    public string ToJson() => Body.ToJsonString();

    private static InvokeResponse Wrap(int statusCode, string type, JsonNode? value) =>
        new(200, new JsonObject { ["statusCode"] = statusCode, ["type"] = type, ["value"] = value });
}
