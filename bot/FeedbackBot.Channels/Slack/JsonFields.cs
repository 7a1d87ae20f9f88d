using System.Globalization;
using System.Text.Json;

namespace FeedbackBot.Channels.Slack;

/// <summary>
/// Lenient reads from Slack's JSON: a field of an unexpected kind counts as absent rather than failing the whole
/// payload, because Slack adds and reshapes fields over time and the bot only needs a few of them.
/// </summary>
internal static class JsonFields
{
    public static string? String(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>A string, or a number written as its text (Slack writes some ids and times either way).</summary>
    public static string? Text(JsonElement element, string name) => Property(element, name) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
        _ => null,
    };

    public static long? Integer(JsonElement element, string name) => Property(element, name) switch
    {
        { ValueKind: JsonValueKind.Number } value when value.TryGetInt64(out var number) => number,
        { ValueKind: JsonValueKind.String } value when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
        _ => null,
    };

    public static bool? Boolean(JsonElement element, string name) => Property(element, name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => null,
    };

    public static JsonElement? Object(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Object } value ? value : null;

    public static JsonElement? Array(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Array } value ? value : null;

    /// <summary>The <c>id</c> of a nested object such as <c>user</c>, <c>team</c> or <c>channel</c>, or the field itself when it is a plain id.</summary>
    public static string? NestedId(JsonElement element, string name) => Property(element, name) switch
    {
        { ValueKind: JsonValueKind.Object } value => String(value, "id"),
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        _ => null,
    };

    public static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    /// <summary>Parses a whole JSON document; false (with the reason) when it is not one.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out JsonElement root, out string error)
    {
        try
        {
            root = JsonSerializer.Deserialize<JsonElement>(utf8);
            error = "";
            return true;
        }
        catch (JsonException exception)
        {
            root = default;
            error = $"not valid JSON ({exception.Message})";
            return false;
        }
    }

    public static bool TryParse(string text, out JsonElement root, out string error)
    {
        try
        {
            root = JsonSerializer.Deserialize<JsonElement>(text);
            error = "";
            return true;
        }
        catch (JsonException exception)
        {
            root = default;
            error = $"not valid JSON ({exception.Message})";
            return false;
        }
    }
}
