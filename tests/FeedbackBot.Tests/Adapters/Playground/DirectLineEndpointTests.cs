using System.Net;
using System.Text;
using System.Text.Json;
using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;

namespace FeedbackBot.Tests.Adapters.Playground;

public sealed class DirectLineEndpointTests : IAsyncLifetime
{
    private TestDatabase? _database;
    private Microsoft.AspNetCore.Builder.WebApplication? _app;
    private HttpClient? _client;

    private HttpClient Client => _client!;

    private DirectLineHttp DirectLine => new(Client);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _app = await PlaygroundHost.StartAsync(CliRun.Settings(_database), new EchoBot());
        _client = PlaygroundHost.Client(_app);
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task StartConversation_AsManager_AnswersTokenExpiryAndNoStreamUrl()
    {
        using var response = await Client.PostAsync("/v3/directline/conversations", DirectLineHttp.Json("""{"user":{"id":"playground:manager"}}"""));
        var body = await DirectLineHttp.BodyAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal(1800, body.GetProperty("expires_in").GetInt32());
        Assert.False(body.TryGetProperty("streamUrl", out var streamUrl) && streamUrl.ValueKind != JsonValueKind.Null);
        var activities = await DirectLineHttp.BodyAsync(await DirectLine.GetAsync(body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()));
        Assert.Equal("Hello Morgan, say something.", activities.GetProperty("activities")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task PostActivity_Message_EchoArrivesAfterTheWatermarkWithServerAddressing()
    {
        var (id, token) = await DirectLine.StartAsync("playground:staff");
        var greeting = await DirectLineHttp.BodyAsync(await DirectLine.GetAsync(id, token));
        var watermark = greeting.GetProperty("watermark").GetString()!;

        using var posted = await DirectLine.PostAsync(id, token, """
            {"type":"message","text":"hello","from":{"id":"playground:manager","name":"Morgan"},"timestamp":"2001-01-01T00:00:00Z",
             "channelData":{"clientActivityID":"web-1"}}
            """);
        var postedId = (await DirectLineHttp.BodyAsync(posted)).GetProperty("id").GetString();
        var after = await DirectLineHttp.BodyAsync(await DirectLine.GetAsync(id, token, watermark));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var activities = after.GetProperty("activities").EnumerateArray().ToList();
        Assert.Equal(["hello", "Sam said: hello"], activities.Select(a => a.GetProperty("text").GetString()));
        Assert.Equal(postedId, activities[0].GetProperty("id").GetString());
        Assert.Equal("playground:staff", activities[0].GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("playground", activities[0].GetProperty("channelId").GetString());
        Assert.True(activities[0].GetProperty("timestamp").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.StartsWith(Client.BaseAddress!.ToString().TrimEnd('/') + "/v3/directline", activities[0].GetProperty("serviceUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal("bot", activities[1].GetProperty("from").GetProperty("role").GetString());
        Assert.True(long.Parse(after.GetProperty("watermark").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
                    > long.Parse(watermark, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task PostActivity_SameClientActivityIdTwice_OneEchoAndTheSameId()
    {
        var (id, token) = await DirectLine.StartAsync("playground:staff");
        const string activity = """{"type":"message","text":"once","channelData":{"clientActivityID":"web-7"}}""";

        var first = await DirectLineHttp.BodyAsync(await DirectLine.PostAsync(id, token, activity));
        var second = await DirectLineHttp.BodyAsync(await DirectLine.PostAsync(id, token, activity));
        var all = await DirectLineHttp.BodyAsync(await DirectLine.GetAsync(id, token));

        Assert.Equal(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
        Assert.Equal(
            ["Hello Sam, say something.", "once", "Sam said: once"],
            all.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Calls_WithoutToken_Are401WithAChallenge()
    {
        var (id, _) = await DirectLine.StartAsync("playground:staff");

        using var post = await DirectLine.PostAsync(id, null, """{"type":"message","text":"x"}""");
        using var get = await DirectLine.GetAsync(id, null);
        using var refresh = await DirectLine.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", null, null);

        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Equal("Bearer", post.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("Unauthorized", (await DirectLineHttp.BodyAsync(post)).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Fact]
    public async Task Calls_WithForgedOrAnotherConversationsToken_Are403AndChangeNothing()
    {
        var (staff, staffToken) = await DirectLine.StartAsync("playground:staff");
        var (manager, managerToken) = await DirectLine.StartAsync("playground:manager");

        HttpResponseMessage[] responses =
        [
            await DirectLine.PostAsync(staff, "forged-token", """{"type":"message","text":"forged"}"""),
            await DirectLine.GetAsync(staff, "forged-token"),
            await DirectLine.PostAsync(staff, managerToken, """{"type":"message","text":"intrusion"}"""),
            await DirectLine.GetAsync(staff, managerToken),
            await DirectLine.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{staff}", managerToken, null),
            await DirectLine.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", "forged-token", null),
        ];

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.DoesNotContain("Hello Sam", string.Concat(await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()))), StringComparison.Ordinal);
        var staffActivities = await DirectLineHttp.BodyAsync(await DirectLine.GetAsync(staff, staffToken));
        var managerActivities = await DirectLineHttp.BodyAsync(await DirectLine.GetAsync(manager, managerToken));
        Assert.Single(staffActivities.GetProperty("activities").EnumerateArray());
        Assert.Single(managerActivities.GetProperty("activities").EnumerateArray());
    }

    [Fact]
    public async Task Reconnect_AndRefresh_AnswerTheConversationWithAWorkingToken()
    {
        var (id, token) = await DirectLine.StartAsync("playground:staff");

        var reconnected = await DirectLineHttp.BodyAsync(await DirectLine.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{id}?watermark=", token, null));
        var refreshed = await DirectLineHttp.BodyAsync(await DirectLine.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token, null));
        var newToken = refreshed.GetProperty("token").GetString()!;

        Assert.Equal(id, reconnected.GetProperty("conversationId").GetString());
        Assert.Equal(token, reconnected.GetProperty("token").GetString());
        Assert.Equal(id, refreshed.GetProperty("conversationId").GetString());
        Assert.NotEqual(token, newToken);
        Assert.Equal(HttpStatusCode.OK, (await DirectLine.PostAsync(id, newToken, """{"type":"message","text":"still here"}""")).StatusCode);
    }

    [Fact]
    public async Task PostActivity_NotJsonTooLargeOrMalformed_IsRejectedAndStoresNothing()
    {
        var (id, token) = await DirectLine.StartAsync("playground:staff");
        var path = $"/v3/directline/conversations/{id}/activities";

        using var form = await DirectLine.SendAsync(HttpMethod.Post, path, token, new StringContent("""{"type":"message","text":"x"}""", Encoding.UTF8, "text/plain"));
        using var large = await DirectLine.PostAsync(id, token, $$"""{"type":"message","text":"{{new string('x', 70_000)}}"}""");
        using var malformed = await DirectLine.PostAsync(id, token, """{"type":"message","text":""");
        using var empty = await DirectLine.SendAsync(HttpMethod.Post, path, token, null);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var all = await DirectLineHttp.BodyAsync(await DirectLine.GetAsync(id, token));
        Assert.Single(all.GetProperty("activities").EnumerateArray());
    }

    [Fact]
    public async Task StartConversation_UnknownIdentity_Is400NamingTheKnownOnes()
    {
        using var response = await Client.PostAsync("/v3/directline/conversations", DirectLineHttp.Json("""{"user":{"id":"playground:admin"}}"""));
        var body = await DirectLineHttp.BodyAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("playground:manager", body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ping_FromManager_ArrivesInTheStaffConversation()
    {
        var (staff, staffToken) = await DirectLine.StartAsync("playground:staff");
        var (manager, managerToken) = await DirectLine.StartAsync("playground:manager");

        await DirectLine.PostAsync(manager, managerToken, """{"type":"message","text":"ping playground:staff"}""");

        var atStaff = await DirectLineHttp.BodyAsync(await DirectLine.GetAsync(staff, staffToken));
        var atManager = await DirectLineHttp.BodyAsync(await DirectLine.GetAsync(manager, managerToken));
        Assert.Equal("Morgan pinged you", atStaff.GetProperty("activities")[1].GetProperty("text").GetString());
        Assert.Equal("Pinged 1 conversation(s)", atManager.GetProperty("activities")[2].GetProperty("text").GetString());
    }
}
