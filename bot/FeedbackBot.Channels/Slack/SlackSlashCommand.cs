namespace FeedbackBot.Channels.Slack;

/// <summary>One request to the slash command endpoint.</summary>
public abstract record SlackCommandRequest;

/// <summary>Slack checking the endpoint's certificate (<c>ssl_check=1</c>): answer 200 and do nothing else.</summary>
public sealed record SlackSslCheck : SlackCommandRequest;

/// <summary>
/// A person ran a slash command, such as <c>/feedback review</c>: <see cref="Command"/> is <c>/feedback</c> and
/// <see cref="Text"/> what followed it. Acknowledge within 3 s; reply later through <see cref="ResponseUrl"/>.
/// </summary>
public sealed record SlackSlashCommand(
    string TeamId,
    string? ChannelId,
    string UserId,
    string? UserName,
    string Command,
    string Text,
    string? ResponseUrl,
    string? TriggerId,
    string? ApiAppId) : SlackCommandRequest;
