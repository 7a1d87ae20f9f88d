using System.Text.Json;

namespace FeedbackBot.Features.Contacts;

/// <summary>
/// A contact's segment attributes (region, tier, ...) as stored: one JSON object of strings, its names in ordinal
/// order, so the same attributes always store the same text and a repeated import finds nothing changed.
/// </summary>
internal static class ContactSegments
{
    /// <summary>Longest stored text (the column's size).</summary>
    public const int MaxStoredLength = 4000;

    public static SortedDictionary<string, string> Parse(string? json)
    {
        var segments = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json))
        {
            return segments;
        }

        foreach (var (name, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [])
        {
            segments[name] = value;
        }

        return segments;
    }

    /// <summary>The JSON of the attributes, or null when there are none.</summary>
    public static string? Serialize(SortedDictionary<string, string> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        return segments.Count == 0 ? null : JsonSerializer.Serialize(segments);
    }

    /// <summary>One attribute's value, or null when the contact has none.</summary>
    public static string? ValueOf(string? json, string attribute) =>
        Parse(json).TryGetValue(attribute, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
