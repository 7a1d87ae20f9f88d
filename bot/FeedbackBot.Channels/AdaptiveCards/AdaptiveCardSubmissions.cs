using System.Text;
using System.Text.Json;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Channels.AdaptiveCards;

/// <summary>Reads what a person submitted on one of the bot's cards, however the client delivered it.</summary>
public static class AdaptiveCardSubmissions
{
    /// <summary>The largest submission read, in bytes of JSON; a card of ours cannot produce more.</summary>
    public const int MaxValueBytes = 64 * 1024;

    /// <summary>
    /// The submission in an activity's <c>value</c>: an <c>Action.Execute</c> invoke
    /// (<c>{action:{type, verb, data}, trigger}</c>, inputs merged into data) or an <c>Action.Submit</c> message
    /// (data merged with inputs, the verb among them). Every value is read as text. Null when the value is not a
    /// submission of one of the bot's cards: an unknown verb, a hidden field missing, or too large.
    /// </summary>
    public static BotSubmission? Read(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object || Encoding.UTF8.GetByteCount(value.GetRawText()) > MaxValueBytes)
        {
            return null;
        }

        string? verb;
        JsonElement data;
        if (value.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object)
        {
            if (Text(action, "type") != "Action.Execute" || !action.TryGetProperty("data", out data))
            {
                return null;
            }

            verb = Text(action, "verb");
        }
        else
        {
            data = value;
            verb = Text(value, CardElements.VerbField);
        }

        if (data.ValueKind != JsonValueKind.Object || verb is null)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in data.EnumerateObject())
        {
            if (property.Name != CardElements.VerbField && AsText(property.Value) is { } text)
            {
                values[property.Name] = text;
            }
        }

        return HiddenFields(verb) is { } hidden && hidden.All(field => values.GetValueOrDefault(field) is { Length: > 0 })
            ? new BotSubmission(verb, values)
            : null;
    }

    // A form, and a button asking for one, carry what the form belongs to.
    private static string[]? HiddenFields(string verb) => verb switch
    {
        _ when Verbs.Forms.Contains(verb) || Verbs.IsOpenVerb(verb) => [Verbs.PlanField, Verbs.CycleField, Verbs.CardField],
        Verbs.SubmitFeedback => [Verbs.CardField],
        _ => null,
    };

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString() : null;

    /// <summary>
    /// An input's value as text. Clients send strings, but some send numbers and booleans as JSON, and a multi-select
    /// as an array rather than one comma-joined string.
    /// </summary>
    private static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array when value.EnumerateArray().All(IsScalar) =>
            string.Join(',', value.EnumerateArray().Select(AsText)),
        _ => null,
    };

    private static bool IsScalar(JsonElement value) =>
        value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;
}
