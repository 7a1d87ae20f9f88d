using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Channels.Slack;

/// <summary>
/// Receives everything from Slack over a Socket Mode WebSocket, so the bot needs no public address. It opens a URL
/// with <c>apps.connections.open</c> and the app token, acknowledges every envelope by its id, and hands it to the
/// handler: <c>events_api</c> envelopes are acknowledged first and handled in the background; <c>interactive</c> and
/// <c>slash_commands</c> envelopes wait for the handler (briefly, see <see cref="SocketModeSettings.ResponseDeadline"/>)
/// so its answer, such as a modal's validation errors, goes back in the acknowledgement. On a <c>disconnect</c> it
/// connects again at once with a fresh URL; on a dropped connection or a failure, after a growing, bounded wait.
/// </summary>
public sealed class SocketModeClient(
    SlackWebApiClient api,
    IOptions<SlackOptions> options,
    Func<SocketModeEnvelope, CancellationToken, Task<JsonNode?>> handler,
    TimeProvider time,
    ILogger<SocketModeClient> logger,
    SocketModeSettings? settings = null)
{
    private static readonly JsonElement EmptyPayload = JsonDocument.Parse("{}").RootElement.Clone();

    private readonly SocketModeSettings _settings = settings ?? SocketModeSettings.Default;
    private readonly ConcurrentDictionary<Task, bool> _handling = new();

    private enum ConnectionEnd
    {
        /// <summary>Slack asked the bot to reconnect: do so at once.</summary>
        Refresh,

        /// <summary>The connection closed or failed: wait before the next one.</summary>
        Lost,
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled, then returns once the handlers it started have ended.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var appToken = options.Value.AppToken;
        if (string.IsNullOrWhiteSpace(appToken))
        {
            throw new InvalidOperationException($"{SlackOptions.AppTokenKey} is needed for Socket Mode.");
        }

        var failures = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                ConnectionEnd end;
                try
                {
                    var url = await api.OpenSocketConnectionAsync(appToken.Trim(), cancellationToken);
                    end = await RunConnectionAsync(url, () => failures = 0, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e)
                {
                    // Whatever went wrong with this connection, the bot must keep trying: without it Slack is deaf.
                    logger.LogWarning(e, "Slack Socket Mode connection failed: {Reason}", e.Message);
                    end = ConnectionEnd.Lost;
                }

                if (end == ConnectionEnd.Refresh)
                {
                    continue;
                }

                failures++;
                var delay = _settings.ReconnectDelay(failures, Random.Shared.NextDouble());
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Slack Socket Mode reconnecting in {Delay} (failure {Failures} in a row)", delay, failures);
                }

                try
                {
                    await Task.Delay(delay, time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        finally
        {
            await DrainAsync();
        }

        logger.LogInformation("Slack Socket Mode stopped");
    }

    private async Task<ConnectionEnd> RunConnectionAsync(Uri url, Action onHello, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = _settings.KeepAlive;
        socket.Options.KeepAliveTimeout = _settings.KeepAlive;
        await socket.ConnectAsync(url, cancellationToken);
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Slack Socket Mode connected to {Host}", url.Host);
        }

        using var sender = new Sender(socket);
        try
        {
            while (true)
            {
                var text = await ReceiveMessageAsync(socket, cancellationToken);
                if (text is null)
                {
                    logger.LogWarning("Slack closed the Socket Mode connection ({Status} {Description})",
                        socket.CloseStatus, socket.CloseStatusDescription);
                    return ConnectionEnd.Lost;
                }

                if (!JsonFields.TryParse(text, out var message, out var error) || message.ValueKind != JsonValueKind.Object)
                {
                    logger.LogWarning("Slack sent a Socket Mode message that is not a JSON object: {Error}", error);
                    continue;
                }

                var type = JsonFields.String(message, "type");
                if (type == "hello")
                {
                    onHello();
                    if (logger.IsEnabled(LogLevel.Debug))
                    {
                        logger.LogDebug("Slack Socket Mode hello ({Connections} connections)", JsonFields.Integer(message, "num_connections"));
                    }
                }
                else if (type == "disconnect")
                {
                    if (logger.IsEnabled(LogLevel.Information))
                    {
                        logger.LogInformation("Slack asked to reconnect ({Reason})", JsonFields.String(message, "reason"));
                    }

                    await sender.CloseAsync();
                    return ConnectionEnd.Refresh;
                }
                else if (JsonFields.String(message, "envelope_id") is { Length: > 0 } envelopeId)
                {
                    await DispatchAsync(ReadEnvelope(envelopeId, type, message), sender, cancellationToken);
                }
                else if (logger.IsEnabled(LogLevel.Debug))
                {
                    logger.LogDebug("Slack Socket Mode message of type {Type} ignored", type);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await sender.CloseAsync();
            throw;
        }
    }

    private static SocketModeEnvelope ReadEnvelope(string envelopeId, string? type, JsonElement message) =>
        new(
            envelopeId,
            type ?? "",
            JsonFields.Property(message, "payload") is { ValueKind: JsonValueKind.Object } payload ? payload.Clone() : EmptyPayload,
            JsonFields.Boolean(message, "accepts_response_payload") ?? false,
            JsonFields.Integer(message, "retry_attempt") is { } attempt ? (int)Math.Clamp(attempt, 0, int.MaxValue) : null,
            JsonFields.String(message, "retry_reason"));

    private async Task DispatchAsync(SocketModeEnvelope envelope, Sender sender, CancellationToken cancellationToken)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("Slack Socket Mode envelope {EnvelopeId} of type {Type} (retry {Retry})",
                envelope.EnvelopeId, envelope.Type, envelope.RetryAttempt);
        }

        switch (envelope.Type)
        {
            case SocketModeEnvelope.Interactive or SocketModeEnvelope.SlashCommands:
                // The answer travels in the acknowledgement, so it waits for the handler, off the receive loop.
                Track(RespondThenAckAsync(envelope, sender, cancellationToken));
                break;
            case SocketModeEnvelope.EventsApi:
                await AckAsync(sender, envelope, null, cancellationToken);
                Track(HandleAsync(envelope, cancellationToken));
                break;
            default:
                // Acknowledged so Slack stops redelivering something the bot will never handle.
                await AckAsync(sender, envelope, null, cancellationToken);
                break;
        }
    }

    private async Task RespondThenAckAsync(SocketModeEnvelope envelope, Sender sender, CancellationToken cancellationToken)
    {
        await Task.Yield();
        JsonNode? payload;
        var handling = HandleAsync(envelope, cancellationToken);
        try
        {
            payload = await handling.WaitAsync(_settings.ResponseDeadline, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("The handler of Slack envelope {EnvelopeId} ({Type}) took longer than {Deadline}; acknowledged without its answer",
                envelope.EnvelopeId, envelope.Type, _settings.ResponseDeadline);
            Track(handling);
            payload = null;
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await AckAsync(sender, envelope, envelope.AcceptsResponsePayload ? payload : null, cancellationToken);
    }

    private async Task<JsonNode?> HandleAsync(SocketModeEnvelope envelope, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            return await handler(envelope, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception e)
        {
            // One failing envelope must not take the connection down with it; the payload stays out of the log.
            logger.LogError(e, "The handler of Slack envelope {EnvelopeId} ({Type}) failed", envelope.EnvelopeId, envelope.Type);
            return null;
        }
    }

    private async Task AckAsync(Sender sender, SocketModeEnvelope envelope, JsonNode? payload, CancellationToken cancellationToken)
    {
        try
        {
            await sender.AckAsync(envelope.EnvelopeId, payload, cancellationToken);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException or IOException)
        {
            // Slack redelivers an envelope it did not hear about, on this connection or the next.
            logger.LogWarning("Could not acknowledge Slack envelope {EnvelopeId}: {Reason}", envelope.EnvelopeId, e.Message);
        }
    }

    private void Track(Task task)
    {
        _handling.TryAdd(task, true);
        _ = task.ContinueWith(t => _handling.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task DrainAsync()
    {
        var pending = _handling.Keys.ToArray();
        if (pending.Length == 0)
        {
            return;
        }

        try
        {
            await Task.WhenAll(pending).WaitAsync(TimeSpan.FromSeconds(10), time);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("{Count} Slack handlers were still running when Socket Mode stopped", pending.Count(t => !t.IsCompleted));
        }
    }

    private async Task<string?> ReceiveMessageAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            if (message.Length + result.Count > _settings.MaxMessageBytes)
            {
                throw new InvalidDataException($"Slack sent a Socket Mode message larger than {_settings.MaxMessageBytes} bytes.");
            }

            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            if (result.MessageType == WebSocketMessageType.Text)
            {
                return System.Text.Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            }

            message.SetLength(0);
        }
    }

    /// <summary>One sender at a time per socket, as WebSocket requires: acknowledgements come from several tasks.</summary>
    private sealed class Sender(ClientWebSocket socket) : IDisposable
    {
        private readonly SemaphoreSlim _lock = new(1, 1);

        public async Task AckAsync(string envelopeId, JsonNode? payload, CancellationToken cancellationToken)
        {
            var body = new JsonObject { ["envelope_id"] = envelopeId };
            if (payload is not null)
            {
                body["payload"] = payload.DeepClone();
            }

            var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
            await _lock.WaitAsync(cancellationToken);
            try
            {
                await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
            finally
            {
                _lock.Release();
            }
        }

        /// <summary>Says goodbye politely when the socket still allows it; a connection being abandoned needs nothing more.</summary>
        public async Task CloseAsync()
        {
            if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
            {
                return;
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            try
            {
                await _lock.WaitAsync(timeout.Token);
                try
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", timeout.Token);
                }
                finally
                {
                    _lock.Release();
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
            {
                // Closing is a courtesy; the socket is disposed either way.
            }
        }

        public void Dispose() => _lock.Dispose();
    }
}
