using System.Text.Json;
using System.Text.Json.Nodes;
using FeedbackBot.Channels.Slack;

namespace FeedbackBot.Adapters.Slack;

/// <summary>What Slack gets back for an inbound request: an answer body, or a refusal for a payload that is not Slack's.</summary>
internal sealed record SlackAck(JsonObject? Body, string? Error)
{
    public static readonly SlackAck Empty = new(null, null);

    public static SlackAck Refused(string error) => new(null, error);
}

/// <summary>
/// Everything Slack sends, after authentication: by HTTP (signed) or over the Socket Mode connection (no signature,
/// the connection itself is authenticated). Events and commands are written to the inbox and acknowledged at once;
/// interactions that Slack waits on are answered here.
/// </summary>
internal sealed class SlackInbound(SlackWorkQueue queue, SlackTurns turns, ILogger<SlackInbound> log)
{
    public async Task<SlackAck> EventAsync(JsonElement envelope, CancellationToken cancellationToken)
    {
        var parsed = SlackEventsParser.Parse(envelope);
        switch (parsed.Value)
        {
            case SlackUrlVerification verification:
                return new SlackAck(new JsonObject { ["challenge"] = verification.Challenge }, null);
            case SlackEventCallback callback:
                // Our own messages and edits come back as events too; they are never work.
                if (!callback.Event.ShouldIgnore())
                {
                    var queued = await queue.EnqueueAsync($"event:{callback.TeamId}:{callback.EventId}", SlackWork.Of(SlackWork.Event, JsonNode.Parse(envelope.GetRawText())!), cancellationToken);
                    if (!queued)
                    {
                        log.LogInformation("Ignored a redelivered Slack event");
                    }
                }

                return SlackAck.Empty;
            case SlackAppRateLimited:
                log.LogWarning("Slack stopped sending events for a minute: the app exceeded the Events API rate limit");
                return SlackAck.Empty;
            default:
                return parsed.Error == SlackPayloadError.Unsupported ? SlackAck.Empty : SlackAck.Refused(parsed.Message ?? "not an Events API payload");
        }
    }

    public async Task<SlackAck> CommandAsync(JsonObject fields, CancellationToken cancellationToken)
    {
        var element = JsonSerializer.SerializeToElement(fields);
        var parsed = SlackSlashCommandParser.Parse(element);
        switch (parsed.Value)
        {
            case SlackSslCheck:
                return SlackAck.Empty;
            case SlackSlashCommand command:
                // trigger_id is unique to one invocation; without one, the command is still done once per delivery.
                var key = command.TriggerId is { Length: > 0 } trigger ? $"command:{command.TeamId}:{trigger}" : $"command:{Guid.NewGuid():N}";
                await queue.EnqueueAsync(key, SlackWork.Of(SlackWork.Command, fields), cancellationToken);
                return SlackAck.Empty;
            default:
                return SlackAck.Refused(parsed.Message ?? "not a slash command");
        }
    }

    public async Task<SlackAck> InteractionAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        var parsed = SlackInteractionParser.Parse(payload);
        if (parsed.Value is null)
        {
            return parsed.Error == SlackPayloadError.Unsupported ? SlackAck.Empty : SlackAck.Refused(parsed.Message ?? "not an interaction payload");
        }

        return new SlackAck(await turns.InteractAsync(payload, cancellationToken), null);
    }
}
