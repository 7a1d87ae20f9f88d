using System.Text.Json;
using System.Text.Json.Serialization;
using FeedbackBot.Core.Reviews;

namespace FeedbackBot.Core.Serialization;

/// <summary>
/// The JSON contract of a review: snake_case keys, every key present (null when there is no value), numbers as
/// numbers, dates as yyyy-MM-dd and instants as ISO 8601 UTC with a Z. Reviews are stored as these snapshots and
/// rendered again later, so reading what was written gives back the same review. It sits beside
/// <see cref="PlanJson"/>: the plan a cycle ran and the review it produced are the two stored formats, and every
/// consumer (cycles, the outbox, conversations, the review endpoints and command) reads a review through
/// <see cref="Deserialize"/>. The contract is documented in <c>docs/review-json.md</c>.
/// </summary>
public static class ReviewJson
{
    // Private, so every reader of a stored review goes through Deserialize and its checks.
    private static readonly JsonSerializerOptions Options = CreateOptions(indented: false);

    // The indented form is for people and diffs.
    private static readonly JsonSerializerOptions IndentedOptions = CreateOptions(indented: true);

    /// <summary>Writes a review in its contract form.</summary>
    public static string Serialize(Review review, bool indented)
    {
        ArgumentNullException.ThrowIfNull(review);
        return JsonSerializer.Serialize(review, indented ? IndentedOptions : Options);
    }

    /// <summary>Reads a review written by <see cref="Serialize"/>.</summary>
    /// <exception cref="JsonException">The text is not a review: malformed, a key missing, or null where the contract forbids it.</exception>
    public static Review Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize<Review>(json, Options) ?? throw new JsonException("The review is null.");
    }

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            NumberHandling = JsonNumberHandling.Strict,
            // A snapshot with a key missing or a null where the contract has none is damaged, not a review.
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            WriteIndented = indented,
        };
        options.Converters.Add(new UtcDateTimeConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
