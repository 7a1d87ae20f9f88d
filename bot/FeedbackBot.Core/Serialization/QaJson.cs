using System.Text.Json;
using System.Text.Json.Serialization;
using FeedbackBot.Core.Scorecards;

namespace FeedbackBot.Core.Serialization;

/// <summary>
/// The JSON of the quality-monitoring reports (<c>qa report</c> and <c>qa calibration</c> with <c>--format json</c>):
/// snake_case keys, every key present (null when there is no value), enums by their plan-file names
/// (<c>face_to_face</c>, <c>nominal</c>).
/// </summary>
public static class QaJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions(indented: false);
    private static readonly JsonSerializerOptions IndentedOptions = CreateOptions(indented: true);

    /// <summary>Writes a QA report.</summary>
    public static string Serialize(QaReport report, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(report, indented ? IndentedOptions : Options);
    }

    /// <summary>Writes a calibration report.</summary>
    public static string Serialize(CalibrationReport report, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(report, indented ? IndentedOptions : Options);
    }

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            WriteIndented = indented,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new UtcDateTimeConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
