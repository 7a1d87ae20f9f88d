using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace FeedbackBot.Testing.Teams;

/// <summary>An answer the fake Connector gives to one request.</summary>
public sealed record ScriptedResponse(int Status, string Body = "", params (string Name, string Value)[] Headers);

/// <summary>
/// The Bot Framework Connector on loopback: records every call, answers from a script when one is queued and
/// otherwise 200 with a new activity id, always with an X-Correlating-OperationId.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private LoopbackServer _server = null!;
    private int _count;

    private FakeConnector()
    {
    }

    /// <summary>A serviceUrl with a path of its own, as Teams' are (https://smba.trafficmanager.net/emea/).</summary>
    public string ServiceUrl => _server.BaseAddress + "emea/";

    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    public static async Task<FakeConnector> StartAsync()
    {
        var connector = new FakeConnector();
        connector._server = await LoopbackServer.StartAsync(connector.RespondAsync);
        return connector;
    }

    public void Enqueue(params ScriptedResponse[] responses)
    {
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task RespondAsync(RecordedRequest request, HttpContext context)
    {
        var number = Interlocked.Increment(ref _count);
        context.Response.Headers["X-Correlating-OperationId"] = $"op-{number}";
        context.Response.ContentType = "application/json";
        if (!_script.TryDequeue(out var scripted))
        {
            await context.Response.WriteAsync($$"""{"id":"activity-{{number}}"}""");
            return;
        }

        context.Response.StatusCode = scripted.Status;
        foreach (var (name, value) in scripted.Headers)
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(scripted.Body);
    }
}
