using System.Text.Json.Nodes;

namespace FeedbackBot.Testing.Slack;

/// <summary>
/// One call the fake Web API received: the method (or <c>response_url</c>), the bearer token, the body as JSON
/// (form fields become string properties), its content type, and when it arrived on the fake's clock.
/// </summary>
public sealed record SlackApiCall(string Method, string? Token, JsonObject Body, string? ContentType, DateTimeOffset At)
{
    public string? Field(string name) => Body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public bool IsJson => ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true;

    public bool IsForm => ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
}

/// <summary>
/// A person the fake Web API knows, for <c>users.info</c>, <c>users.list</c> and <c>conversations.open</c>; the
/// profile's e-mail address is there only when given, as Slack gives it only with the <c>users:read.email</c> scope.
/// </summary>
public sealed record FakeSlackUser(
    string Id, string Name, string RealName, string TeamId, bool IsBot = false, bool Deleted = false, string? Email = null, string? Title = null);
