using System.Text.Json;
using System.Text.Json.Nodes;
using FeedbackBot.Channels.Slack;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Adapters.Slack;

/// <summary>
/// With <c>Slack:AppToken</c> set, keeps a Socket Mode connection to Slack and hands every envelope to the same code
/// the HTTP endpoints use, so the bot works with no public address. Without it, does nothing.
/// </summary>
internal sealed class SlackSocketModeService(
    IOptions<SlackOptions> options,
    SlackWebApiClient api,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILoggerFactory loggers) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.UsesSocketMode)
        {
            return;
        }

        var client = new SocketModeClient(api, options, HandleAsync, clock, loggers.CreateLogger<SocketModeClient>());
        await client.RunAsync(stoppingToken);
    }

    private async Task<JsonNode?> HandleAsync(SocketModeEnvelope envelope, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var inbound = scope.ServiceProvider.GetRequiredService<SlackInbound>();
        var ack = envelope.Type switch
        {
            SocketModeEnvelope.EventsApi => await inbound.EventAsync(envelope.Payload, cancellationToken),
            SocketModeEnvelope.SlashCommands => await inbound.CommandAsync(Fields(envelope.Payload), cancellationToken),
            SocketModeEnvelope.Interactive => await inbound.InteractionAsync(envelope.Payload, cancellationToken),
            _ => SlackAck.Empty,
        };
        if (ack.Error is { } error)
        {
            loggers.CreateLogger("FeedbackBot.Slack").LogWarning("Dropped a Socket Mode envelope: {Error}", error);
        }

        return ack.Body;
    }

    // A slash command arrives over the socket as a JSON object of the same fields the HTTP form carries.
    private static JsonObject Fields(JsonElement payload) =>
        JsonNode.Parse(payload.GetRawText()) as JsonObject ?? [];
}
