using System.Net;
using FeedbackBot.Channels.Playground;
using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Tests.Adapters.Playground;

/// <summary>The playground answers the person at the machine; a caller on the network gets 404 unless an operator opts in.</summary>
public sealed class PlaygroundRemoteAccessTests
{
    private const string Remote = "198.51.100.23";

    [Fact]
    public async Task Playground_RemoteCallerByDefault_Gets404AndStartsNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = await StartAsync(database, allowRemote: null);
        using var remote = RemoteClient(app);

        using var page = await remote.GetAsync("/playground");
        using var script = await remote.GetAsync("/playground/webchat.js");
        using var start = await remote.PostAsync("/v3/directline/conversations", DirectLineHttp.Json("""{"user":{"id":"playground:manager"}}"""));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, script.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
        Assert.DoesNotContain("token", await start.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(app.Services.GetRequiredService<PlaygroundMessenger>().ConversationsOf("playground:manager"));
    }

    [Fact]
    public async Task PostActivity_RemoteCallerWithAValidToken_Gets404AndTheBotHearsNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = await StartAsync(database, allowRemote: null);
        using var local = PlaygroundHost.Client(app);
        using var remote = RemoteClient(app);
        var (conversationId, token) = await new DirectLineHttp(local).StartAsync("playground:manager");
        var before = await ActivityCountAsync(local, conversationId, token);

        using var post = await new DirectLineHttp(remote).PostAsync(conversationId, token, """{"type":"message","text":"latest review"}""");
        using var poll = await new DirectLineHttp(remote).GetAsync(conversationId, token);

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, poll.StatusCode);
        Assert.Equal(before, await ActivityCountAsync(local, conversationId, token));
    }

    [Fact]
    public async Task Playground_ThroughAProxyOnThisMachine_Gets404()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = await StartAsync(database, allowRemote: null);
        using var proxied = PlaygroundHost.Client(app);
        proxied.DefaultRequestHeaders.Add("X-Forwarded-For", Remote);

        using var page = await proxied.GetAsync("/playground");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task Playground_AllowRemoteOn_ServesARemoteCaller()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = await StartAsync(database, allowRemote: "true");
        using var remote = RemoteClient(app);

        using var page = await remote.GetAsync("/playground");
        var (conversationId, token) = await new DirectLineHttp(remote).StartAsync("playground:staff");
        using var poll = await new DirectLineHttp(remote).GetAsync(conversationId, token);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, poll.StatusCode);
        Assert.Contains("Hello Sam", await poll.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<WebApplication> StartAsync(TestDatabase database, string? allowRemote)
    {
        var settings = CliRun.Settings(database);
        settings["Playground:AllowRemote"] = allowRemote;
        return await PlaygroundHost.StartAsync(settings, new EchoBot(), RemoteCaller.AddTo);
    }

    private static HttpClient RemoteClient(WebApplication app)
    {
        var client = PlaygroundHost.Client(app);
        client.DefaultRequestHeaders.Add(RemoteCaller.Header, Remote);
        return client;
    }

    private static async Task<int> ActivityCountAsync(HttpClient client, string conversationId, string token)
    {
        using var response = await new DirectLineHttp(client).GetAsync(conversationId, token);
        response.EnsureSuccessStatusCode();
        return (await DirectLineHttp.BodyAsync(response)).GetProperty("activities").GetArrayLength();
    }
}
