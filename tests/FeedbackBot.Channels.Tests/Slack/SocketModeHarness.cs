using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using FeedbackBot.Channels.Slack;
using FeedbackBot.Channels.Tests.Teams;
using FeedbackBot.Testing.Slack;

namespace FeedbackBot.Channels.Tests.Slack;

/// <summary>
/// A Socket Mode client talking to the fake Web API and the fake Socket Mode server on loopback, on the real clock
/// (WebSockets are real I/O) with reconnect waits shrunk to milliseconds.
/// </summary>
public sealed class SocketModeHarness : IAsyncDisposable
{
    private readonly HttpClient _http = new();
    private readonly CancellationTokenSource _stop = new();

    private SocketModeHarness(FakeSlackWebApi api, FakeSocketModeServer socket)
    {
        Api = api;
        Socket = socket;
        Api.SocketMode = socket;
    }

    public FakeSlackWebApi Api { get; }

    public FakeSocketModeServer Socket { get; }

    public ConcurrentQueue<SocketModeEnvelope> Handled { get; } = new();

    public RecordingLogger<SocketModeClient> Log { get; } = new();

    /// <summary>What the handler does with each envelope; by default it records it and answers nothing.</summary>
    public Func<SocketModeEnvelope, CancellationToken, Task<JsonNode?>> Handler { get; set; } = (_, _) => Task.FromResult<JsonNode?>(null);

    public Task? Running { get; private set; }

    public static async Task<SocketModeHarness> StartAsync()
    {
        var api = FakeSlackWebApi.StartAsync();
        var socket = FakeSocketModeServer.StartAsync();
        return new SocketModeHarness(await api, await socket);
    }

    public Task RunAsync(SocketModeSettings? settings = null)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new SlackOptions { AppToken = SlackHarness.AppToken, ApiBaseUrl = Api.ApiBaseUrl });
        var client = new SocketModeClient(
            new SlackWebApiClient(_http, options, TimeProvider.System, new RecordingLogger<SlackWebApiClient>()),
            options,
            async (envelope, cancellationToken) =>
            {
                Handled.Enqueue(envelope);
                return await Handler(envelope, cancellationToken);
            },
            TimeProvider.System,
            Log,
            settings ?? new SocketModeSettings { ReconnectBaseDelay = TimeSpan.FromMilliseconds(20), ReconnectMaxDelay = TimeSpan.FromMilliseconds(200) });
        Running = client.RunAsync(_stop.Token);
        return Running;
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (Running is not null)
        {
            await Running.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (Running is not null)
        {
            try
            {
                await Running.WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (TimeoutException)
            {
                // Reported by the test that left it running; disposal must still free the servers.
            }
        }

        _stop.Dispose();
        _http.Dispose();
        await Socket.DisposeAsync();
        await Api.DisposeAsync();
    }
}
