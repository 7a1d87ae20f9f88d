using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FeedbackBot.Testing.Slack;

/// <summary>
/// Slack's Socket Mode on loopback: a WebSocket server that admits each address <see cref="IssueUrl"/> handed out
/// once (as Slack's are single use), greets with <c>hello</c>, lets the test push envelopes, <c>disconnect</c> or drop
/// the connection, and records every acknowledgement the bot sends back.
/// </summary>
public sealed class FakeSocketModeServer : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, bool> _tickets = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<JsonObject> _acks = new();
    private readonly Lock _lock = new();
    private readonly List<Connection> _connections = [];
    private int _issued;
    private int _envelopes;
    private int _refused;

    private FakeSocketModeServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Connections accepted so far.</summary>
    public int Connections
    {
        get
        {
            lock (_lock)
            {
                return _connections.Count;
            }
        }
    }

    /// <summary>The ticket of each accepted connection, in order: all different when the bot asks for a fresh URL each time.</summary>
    public IReadOnlyList<string> ConnectedTickets
    {
        get
        {
            lock (_lock)
            {
                return [.. _connections.Select(c => c.Ticket)];
            }
        }
    }

    /// <summary>Connection attempts refused because their address was unknown or already used.</summary>
    public int RefusedConnections => Volatile.Read(ref _refused);

    public IReadOnlyList<JsonObject> Acks => [.. _acks];

    public static async Task<FakeSocketModeServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeSocketModeServer(app);
        app.UseWebSockets();
        app.Run(server.AcceptAsync);
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.Single().TrimEnd('/') + "/");
        return server;
    }

    /// <summary>A new single-use address, as <c>apps.connections.open</c> returns.</summary>
    public Uri IssueUrl()
    {
        var ticket = $"ticket-{Interlocked.Increment(ref _issued)}";
        _tickets[ticket] = false;
        return new Uri($"ws://{BaseAddress.Authority}/link/?ticket={ticket}");
    }

    public async Task WaitForConnectionsAsync(int count, TimeSpan? timeout = null)
    {
        await Eventually.ThatAsync(() => Task.FromResult(Current() is null ? 0 : Connections), c => c >= count, $"{count} connections", timeout ?? DefaultWait);
        // The bot counts as connected once it has been greeted, as it would with Slack.
        await Eventually.ThatAsync(() => Current()?.Greeted == true, "the hello to be sent", timeout ?? DefaultWait);
    }

    /// <summary>Pushes an envelope to the newest open connection, in <paramref name="frames"/> WebSocket frames; returns its id.</summary>
    public async Task<string> SendEnvelopeAsync(string type, JsonNode payload, bool acceptsResponsePayload = false, int frames = 1, int retryAttempt = 0)
    {
        var id = $"envelope-{Interlocked.Increment(ref _envelopes)}";
        var envelope = new JsonObject
        {
            ["envelope_id"] = id,
            ["type"] = type,
            ["payload"] = payload.DeepClone(),
            ["accepts_response_payload"] = acceptsResponsePayload,
            ["retry_attempt"] = retryAttempt,
            ["retry_reason"] = retryAttempt > 0 ? "timeout" : "",
        };
        await RequireCurrent().SendAsync(envelope.ToJsonString(), frames);
        return id;
    }

    /// <summary>Tells the bot to reconnect, as Slack does before it retires a connection.</summary>
    public Task SendDisconnectAsync(string reason = "refresh_requested") =>
        RequireCurrent().SendAsync(new JsonObject { ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "fake" } }.ToJsonString(), 1);

    /// <summary>Cuts the newest connection without a closing handshake, as a network failure would.</summary>
    public void DropConnection() => RequireCurrent().Abort();

    public async Task<JsonObject> WaitForAckAsync(string envelopeId, TimeSpan? timeout = null)
    {
        JsonObject? ack = null;
        await Eventually.ThatAsync(
            () => (ack = _acks.FirstOrDefault(a => a["envelope_id"]?.GetValue<string>() == envelopeId)) is not null,
            $"the ack of {envelopeId}",
            timeout ?? DefaultWait);
        return ack!;
    }

    public async ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            foreach (var connection in _connections)
            {
                connection.Abort();
            }
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private Connection? Current()
    {
        lock (_lock)
        {
            return _connections.LastOrDefault(c => c.IsOpen);
        }
    }

    private Connection RequireCurrent() => Current() ?? throw new InvalidOperationException("No Socket Mode connection is open.");

    private async Task AcceptAsync(HttpContext context)
    {
        var ticket = context.Request.Query["ticket"].ToString();
        if (!context.WebSockets.IsWebSocketRequest || !_tickets.TryUpdate(ticket, true, false))
        {
            Interlocked.Increment(ref _refused);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new Connection(socket, context, ticket);
        lock (_lock)
        {
            _connections.Add(connection);
        }

        try
        {
            await connection.SendAsync(
                new JsonObject
                {
                    ["type"] = "hello",
                    ["num_connections"] = 1,
                    ["debug_info"] = new JsonObject { ["host"] = "fake" },
                    ["connection_info"] = new JsonObject { ["app_id"] = FakeSlackWebApi.AppId },
                }.ToJsonString(),
                1);
            connection.Greeted = true;
            await ReceiveAcksAsync(socket, context.RequestAborted);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ConnectionAbortedException)
        {
            // The bot went away or the test dropped the connection: both are what these tests exercise.
        }
        finally
        {
            connection.IsOpen = false;
        }
    }

    private async Task ReceiveAcksAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", cancellationToken);
                return;
            }

            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            if (JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray())) is JsonObject ack)
            {
                _acks.Enqueue(ack);
            }

            message.SetLength(0);
        }
    }

    private sealed class Connection(WebSocket socket, HttpContext context, string ticket)
    {
        private readonly SemaphoreSlim _send = new(1, 1);

        public string Ticket => ticket;

        public volatile bool IsOpen = true;

        public volatile bool Greeted;

        public async Task SendAsync(string text, int frames)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var size = (int)Math.Ceiling(bytes.Length / (double)Math.Max(1, frames));
            await _send.WaitAsync();
            try
            {
                for (var offset = 0; offset < bytes.Length; offset += size)
                {
                    var count = Math.Min(size, bytes.Length - offset);
                    await socket.SendAsync(
                        bytes.AsMemory(offset, count), WebSocketMessageType.Text, offset + count >= bytes.Length, CancellationToken.None);
                }
            }
            finally
            {
                _send.Release();
            }
        }

        public void Abort()
        {
            if (!IsOpen)
            {
                return;
            }

            IsOpen = false;
            try
            {
                context.Abort();
            }
            catch (ObjectDisposedException)
            {
                // The request ended on its own just now: the connection is gone either way.
            }
        }
    }
}
