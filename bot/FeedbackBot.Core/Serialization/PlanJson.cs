using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Serialization;

/// <summary>
/// The canonical JSON form of a plan: how a plan version is stored, printed by <c>plans show --format json</c>,
/// and compared to tell a changed plan from an unchanged one. Keys are the plan file's snake_case names.
/// </summary>
public static class PlanJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions(indented: false);
    private static readonly JsonSerializerOptions IndentedOptions = CreateOptions(indented: true);

    /// <summary>Serialises a plan; equal plans always give identical text.</summary>
    public static string Serialize(MeasurementPlan plan, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return JsonSerializer.Serialize(plan, indented ? IndentedOptions : Options);
    }

    /// <summary>Reads a plan written by <see cref="Serialize"/>.</summary>
    /// <exception cref="JsonException">The text is not a serialised plan.</exception>
    public static MeasurementPlan Deserialize(string json) =>
        JsonSerializer.Deserialize<MeasurementPlan>(json, Options) ?? throw new JsonException("The plan definition is empty.");

    /// <summary>A SHA-256 of the canonical form, hex-encoded: the identity of a plan's content.</summary>
    public static string ContentHash(MeasurementPlan plan) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Serialize(plan))));

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            WriteIndented = indented,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new SortedDictionaryConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Writes dictionaries with their keys in ordinal order so the canonical text does not depend on insertion order.</summary>
    private sealed class SortedDictionaryConverter : JsonConverter<IReadOnlyDictionary<string, int>>
    {
        public override IReadOnlyDictionary<string, int> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var values = JsonSerializer.Deserialize<Dictionary<string, int>>(ref reader) ?? [];
            return new SortedDictionary<string, int>(values, StringComparer.Ordinal);
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, int> value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var (key, count) in value.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteNumber(key, count);
            }

            writer.WriteEndObject();
        }
    }
}
