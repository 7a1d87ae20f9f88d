using System.Text.Json;

namespace FeedbackBot.Channels.Slack;

/// <summary>
/// One message Slack delivered over Socket Mode. <see cref="Payload"/> is what would have come over HTTP: an Events API
/// body for <c>events_api</c>, an interaction for <c>interactive</c>, the command's fields for <c>slash_commands</c>,
/// so the same parsers (<see cref="SlackEventsParser"/>, <see cref="SlackInteractionParser"/>,
/// <see cref="SlackSlashCommandParser"/>) read it.
/// </summary>
public sealed record SocketModeEnvelope(
    string EnvelopeId,
    string Type,
    JsonElement Payload,
    bool AcceptsResponsePayload,
    int? RetryAttempt,
    string? RetryReason)
{
    public const string EventsApi = "events_api";
    public const string Interactive = "interactive";
    public const string SlashCommands = "slash_commands";
}
