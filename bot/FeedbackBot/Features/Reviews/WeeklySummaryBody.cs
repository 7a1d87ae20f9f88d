using System.Text.Json;

namespace FeedbackBot.Features.Reviews;

/// <summary>The text of a weekly summary as queued: JSON <c>{"text": "..."}</c>, or the markdown itself.</summary>
internal static class WeeklySummaryBody
{
    public static string Text(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            throw new InvalidOperationException("A weekly summary was queued with nothing to say.");
        }

        if (body.TrimStart().StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
                    && text.GetString() is { Length: > 0 } value)
                {
                    return value;
                }
            }
            catch (JsonException)
            {
                // Not JSON after all: markdown that happens to start with a brace.
            }
        }

        return body;
    }
}
