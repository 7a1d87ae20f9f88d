using System.Globalization;
using System.Text;
using System.Text.Json;
using FeedbackBot.Core.Analysis;
using FeedbackBot.Infrastructure.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace FeedbackBot.Features.CustomerSurveys;

/// <summary>
/// A submitted survey page read into answers by question id: a form (<c>application/x-www-form-urlencoded</c>, as the
/// page posts it) or a JSON object for scripts. Several values of one field (the boxes of a multichoice question, or
/// a JSON array) become one answer with the plan's separator, as the chat forms store them.
/// </summary>
internal static class SurveyForm
{
    /// <summary>
    /// The largest body read: room for every answer of a long plan at its longest, percent-encoded; the page's own
    /// limits (4,000 characters a comment) keep a person well inside it.
    /// </summary>
    public const int MaxBytes = 256 * 1024;

    public static async Task<SurveyFormRead> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var json = IsJson(request.ContentType);
        if (!json && !IsForm(request.ContentType))
        {
            return SurveyFormRead.Failed(SurveyFormProblem.UnsupportedType);
        }

        if (await RequestBody.ReadAsync(request, MaxBytes, cancellationToken) is not { } body)
        {
            return SurveyFormRead.Failed(SurveyFormProblem.TooLarge);
        }

        try
        {
            return json ? FromJson(body) : FromForm(body);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or DecoderFallbackException)
        {
            return SurveyFormRead.Failed(SurveyFormProblem.Malformed);
        }
    }

    /// <summary>Whether a request's body is JSON by its content type.</summary>
    public static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    private static bool IsForm(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static SurveyFormRead FromForm(byte[] body)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, given) in new FormReader(StrictUtf8.GetString(body)).ReadForm())
        {
            values[name] = string.Join(AnswerValues.ChoiceSeparator, given.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()));
        }

        return new SurveyFormRead(values, SurveyFormProblem.None);
    }

    private static SurveyFormRead FromJson(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return SurveyFormRead.Failed(SurveyFormProblem.Malformed);
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                var parts = new List<string>();
                foreach (var item in property.Value.EnumerateArray())
                {
                    if (Scalar(item) is not { } part)
                    {
                        return SurveyFormRead.Failed(SurveyFormProblem.Malformed, property.Name);
                    }

                    parts.Add(part);
                }

                values[property.Name] = string.Join(AnswerValues.ChoiceSeparator, parts);
            }
            else if (property.Value.ValueKind != JsonValueKind.Null)
            {
                if (Scalar(property.Value) is not { } value)
                {
                    return SurveyFormRead.Failed(SurveyFormProblem.Malformed, property.Name);
                }

                values[property.Name] = value;
            }
        }

        return new SurveyFormRead(values, SurveyFormProblem.None);
    }

    // Numbers as written (a scale point), true and false as yes and no: what a script naturally sends.
    private static string? Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        _ => null,
    };
}

/// <summary>The answers read from a body by question id, or why none could be.</summary>
internal sealed record SurveyFormRead(IReadOnlyDictionary<string, string> Values, SurveyFormProblem Problem, string? Field = null)
{
    public static SurveyFormRead Failed(SurveyFormProblem problem, string? field = null) =>
        new(new Dictionary<string, string>(), problem, field);

    /// <summary>A line for a person or a script saying what was wrong with the body.</summary>
    public string Describe() => Problem switch
    {
        SurveyFormProblem.TooLarge => string.Create(CultureInfo.InvariantCulture, $"The answers are larger than {SurveyForm.MaxBytes / 1024} KB."),
        SurveyFormProblem.UnsupportedType => "Send the answers as application/x-www-form-urlencoded or application/json.",
        _ when Field is not null => $"'{Field}' must be a string, a number, true or false, or an array of those.",
        _ => "The answers could not be read: send a form, or a JSON object of answers by question id.",
    };
}

internal enum SurveyFormProblem
{
    None,
    TooLarge,
    UnsupportedType,
    Malformed,
}
