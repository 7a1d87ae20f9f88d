using System.Text.Json;

namespace FeedbackBot.Channels.Slack;

/// <summary>Reads Events API bodies. Call only after the request's signature was verified.</summary>
public static class SlackEventsParser
{
    public static SlackParseResult<SlackEventsRequest> Parse(ReadOnlySpan<byte> body) =>
        JsonFields.TryParse(body, out var root, out var error)
            ? Parse(root)
            : SlackParseResult.Malformed<SlackEventsRequest>($"The Events API body is {error}.");

    /// <summary>Reads an already parsed body, such as the payload of a Socket Mode <c>events_api</c> envelope.</summary>
    public static SlackParseResult<SlackEventsRequest> Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Malformed("is not a JSON object");
        }

        var type = JsonFields.String(root, "type");
        switch (type)
        {
            case null:
                return Malformed("has no type");
            case "url_verification":
                var challenge = JsonFields.String(root, "challenge");
                return string.IsNullOrEmpty(challenge)
                    ? Malformed("is a url_verification without a challenge")
                    : SlackParseResult.Ok<SlackEventsRequest>(new SlackUrlVerification(challenge));
            case "event_callback":
                return ParseCallback(root);
            case "app_rate_limited":
                var team = JsonFields.String(root, "team_id");
                return string.IsNullOrEmpty(team)
                    ? Malformed("is an app_rate_limited without a team_id")
                    : SlackParseResult.Ok<SlackEventsRequest>(new SlackAppRateLimited(
                        team, JsonFields.String(root, "api_app_id"), JsonFields.Integer(root, "minute_rate_limited")));
            default:
                return SlackParseResult.Unsupported<SlackEventsRequest>($"The Events API request type '{type}' is not handled.");
        }
    }

    private static SlackParseResult<SlackEventsRequest> ParseCallback(JsonElement root)
    {
        var teamId = JsonFields.String(root, "team_id");
        var eventId = JsonFields.String(root, "event_id");
        if (string.IsNullOrEmpty(teamId))
        {
            return Malformed("is an event_callback without a team_id");
        }

        if (string.IsNullOrEmpty(eventId))
        {
            return Malformed("is an event_callback without an event_id");
        }

        if (JsonFields.Object(root, "event") is not { } inner)
        {
            return Malformed("is an event_callback without an event object");
        }

        var eventType = JsonFields.String(inner, "type");
        if (string.IsNullOrEmpty(eventType))
        {
            return Malformed("is an event_callback whose event has no type");
        }

        var eventTime = JsonFields.Integer(root, "event_time") is { } seconds && seconds is >= 0 and <= 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : (DateTimeOffset?)null;
        var slackEvent = new SlackEvent(
            eventType,
            JsonFields.NestedId(inner, "user"),
            JsonFields.String(inner, "text"),
            JsonFields.String(inner, "ts"),
            JsonFields.String(inner, "thread_ts"),
            JsonFields.String(inner, "event_ts"),
            JsonFields.NestedId(inner, "channel"),
            JsonFields.String(inner, "channel_type"),
            JsonFields.String(inner, "bot_id"),
            JsonFields.String(inner, "subtype"),
            JsonFields.String(inner, "tab"),
            inner.Clone());
        return SlackParseResult.Ok<SlackEventsRequest>(
            new SlackEventCallback(teamId, JsonFields.String(root, "api_app_id"), eventId, eventTime, slackEvent));
    }

    private static SlackParseResult<SlackEventsRequest> Malformed(string what) =>
        SlackParseResult.Malformed<SlackEventsRequest>($"The Events API body {what}.");
}
