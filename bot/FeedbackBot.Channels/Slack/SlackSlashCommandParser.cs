using System.Text.Json;

namespace FeedbackBot.Channels.Slack;

/// <summary>Reads slash command requests (form fields). Call only after the request's signature was verified.</summary>
public static class SlackSlashCommandParser
{
    public static SlackParseResult<SlackCommandRequest> Parse(ReadOnlySpan<byte> formBody) =>
        FormFields.TryParse(formBody, out var fields, out var error)
            ? Parse(fields)
            : Malformed(error);

    /// <summary>Reads the payload of a Socket Mode <c>slash_commands</c> envelope: the same fields, as a JSON object.</summary>
    public static SlackParseResult<SlackCommandRequest> Parse(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return Malformed("the payload is not a JSON object");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in payload.EnumerateObject())
        {
            if (JsonFields.Text(payload, property.Name) is { } value)
            {
                fields.TryAdd(property.Name, value);
            }
        }

        return Parse(fields);
    }

    private static SlackParseResult<SlackCommandRequest> Parse(IReadOnlyDictionary<string, string> fields)
    {
        if (Field(fields, "ssl_check") == "1")
        {
            return SlackParseResult.Ok<SlackCommandRequest>(new SlackSslCheck());
        }

        var teamId = Field(fields, "team_id");
        var userId = Field(fields, "user_id");
        var command = Field(fields, "command");
        var missing = new[] { ("team_id", teamId), ("user_id", userId), ("command", command) }
            .Where(f => f.Item2 is null)
            .Select(f => f.Item1)
            .ToList();
        if (missing.Count > 0)
        {
            return Malformed($"the form has no {string.Join(", ", missing)}");
        }

        return SlackParseResult.Ok<SlackCommandRequest>(new SlackSlashCommand(
            teamId!,
            Field(fields, "channel_id"),
            userId!,
            Field(fields, "user_name"),
            command!,
            fields.TryGetValue("text", out var text) ? text.Trim() : "",
            Field(fields, "response_url"),
            Field(fields, "trigger_id"),
            Field(fields, "api_app_id")));
    }

    private static string? Field(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static SlackParseResult<SlackCommandRequest> Malformed(string what) =>
        SlackParseResult.Malformed<SlackCommandRequest>($"The slash command request is malformed: {what}.");
}
