using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FeedbackBot.Core.Serialization;

/// <summary>
/// Writes instants as ISO 8601 UTC with a Z whatever their kind (the review's instants are UTC by contract, but an
/// unspecified kind would otherwise lose its Z), with every tick kept so reading gives back the same instant.
/// </summary>
internal sealed class UtcDateTimeConverter : JsonConverter<DateTime>
{
    private const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'";

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value)
            || value.Kind != DateTimeKind.Utc)
        {
            throw new JsonException($"'{text}' is not an ISO 8601 UTC instant (yyyy-MM-ddTHH:mm:ssZ).");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
        writer.WriteStringValue(utc.ToString(Format, CultureInfo.InvariantCulture));
    }
}
