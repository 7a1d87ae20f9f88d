using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace FeedbackBot.Testing.Teams;

/// <summary>The Entra token endpoint on loopback: answers the client-credentials grant with numbered tokens.</summary>
public sealed class FakeTokenEndpoint : IAsyncDisposable
{
    private LoopbackServer _server = null!;
    private int _issued;

    private FakeTokenEndpoint()
    {
    }

    public int ExpiresInSeconds { get; set; } = 3600;

    /// <summary>When set, every request is refused with this status and body.</summary>
    public (int Status, string Body)? Refusal { get; set; }

    /// <summary>The address with the <c>{tenant}</c> placeholder the bot fills in.</summary>
    public string Template => _server.BaseAddress + "{tenant}/oauth2/v2.0/token";

    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    public static async Task<FakeTokenEndpoint> StartAsync()
    {
        var endpoint = new FakeTokenEndpoint();
        endpoint._server = await LoopbackServer.StartAsync(endpoint.RespondAsync);
        return endpoint;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task RespondAsync(RecordedRequest request, HttpContext context)
    {
        context.Response.ContentType = "application/json";
        if (Refusal is { } refusal)
        {
            context.Response.StatusCode = refusal.Status;
            await context.Response.WriteAsync(refusal.Body);
            return;
        }

        var number = Interlocked.Increment(ref _issued);
        var body = new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = ExpiresInSeconds,
            ["ext_expires_in"] = ExpiresInSeconds,
            ["access_token"] = $"token-{number}",
        };
        await context.Response.WriteAsync(body.ToJsonString());
    }
}
