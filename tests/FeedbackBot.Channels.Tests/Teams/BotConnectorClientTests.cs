using System.Net;
using System.Text.Json;
using FeedbackBot.Channels.BotFramework;
using FeedbackBot.Channels.Teams;

using FeedbackBot.Testing.Teams;

namespace FeedbackBot.Channels.Tests.Teams;

public sealed class BotConnectorClientTests : IAsyncLifetime
{
    private const string ConversationId = "a:1Xyz-personal;messageid=42";
    private const string EscapedConversationId = "a%3A1Xyz-personal%3Bmessageid%3D42";

    private const string DocumentedBlockedBody = """
        {"errorCode":209,"message":"{\r\n  \"subCode\": \"MessageWritesBlocked\",\r\n  \"details\": \"Thread is blocked from message writes.\",\r\n  \"errorCode\": null,\r\n  \"errorSubCode\": null\r\n}"}
        """;

    private TeamsHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await TeamsHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task ReplyAsync_PostsToReplyPathWithBearerTokenAndActivity()
    {
        var id = await _harness.ConnectorClient().ReplyAsync(_harness.Connector.ServiceUrl, ConversationId, "1700000000000", Message("Thanks!"));

        var request = Assert.Single(_harness.Connector.Requests);
        Assert.Equal("activity-1", id);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/emea/v3/conversations/{EscapedConversationId}/activities/1700000000000", request.RawTarget);
        Assert.Equal("Bearer token-1", request.Header("Authorization"));
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("message", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("Thanks!", body.RootElement.GetProperty("text").GetString());
        Assert.Equal("1700000000000", body.RootElement.GetProperty("replyToId").GetString());
    }

    [Fact]
    public async Task SendAsync_PostsToConversationActivities()
    {
        var id = await _harness.ConnectorClient().SendAsync(_harness.Connector.ServiceUrl, ConversationId, Message("Pulse time"));

        var request = Assert.Single(_harness.Connector.Requests);
        Assert.Equal("activity-1", id);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/emea/v3/conversations/{EscapedConversationId}/activities", request.RawTarget);
        Assert.Equal("Bearer token-1", request.Header("Authorization"));
        Assert.Contains("\"text\":\"Pulse time\"", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateAsync_PutsToTheActivity()
    {
        await _harness.ConnectorClient().UpdateAsync(_harness.Connector.ServiceUrl, ConversationId, "1700000000001", Message("Answered"));

        var request = Assert.Single(_harness.Connector.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"/emea/v3/conversations/{EscapedConversationId}/activities/1700000000001", request.RawTarget);
        Assert.Equal("Bearer token-1", request.Header("Authorization"));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("1700000000001", body.RootElement.GetProperty("id").GetString());
        Assert.Equal("Answered", body.RootElement.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("29:1a2b3c", "28:6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b")]
    [InlineData("1a2b3c", "6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b")]
    public async Task CreateConversationAsync_PostsTheDocumentedBody_ReturnsTheConversationId(string userId, string botId)
    {
        _harness.Connector.Enqueue(new ScriptedResponse(201, """{"id":"a:1NewConversation"}"""));

        var id = await _harness.ConnectorClient().CreateConversationAsync(_harness.Connector.ServiceUrl, TeamsHarness.TenantId, userId, botId);

        var request = Assert.Single(_harness.Connector.Requests);
        Assert.Equal("a:1NewConversation", id);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/emea/v3/conversations", request.RawTarget);
        Assert.Equal("Bearer token-1", request.Header("Authorization"));
        Assert.Equal(
            """{"bot":{"id":"28:6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b"},"members":[{"id":"29:1a2b3c"}],"channelData":{"tenant":{"id":"9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"}},"isGroup":false}""",
            request.Body);
    }

    [Fact]
    public async Task CreateConversationAsync_AnswerWithoutId_Throws()
    {
        _harness.Connector.Enqueue(new ScriptedResponse(200, "{}"));

        await Assert.ThrowsAsync<BotConnectorException>(() => _harness.ConnectorClient()
            .CreateConversationAsync(_harness.Connector.ServiceUrl, TeamsHarness.TenantId, "29:1a2b3c", "28:bot"));
    }

    [Fact]
    public async Task SendAsync_ServiceUrlWithoutTrailingSlash_KeepsItsPath()
    {
        var serviceUrl = _harness.Connector.ServiceUrl.TrimEnd('/');

        await _harness.ConnectorClient().SendAsync(serviceUrl, "19:abc@thread.tacv2", Message("hi"));

        Assert.Equal("/emea/v3/conversations/19%3Aabc%40thread.tacv2/activities", Assert.Single(_harness.Connector.Requests).RawTarget);
    }

    [Theory]
    [InlineData("")]
    [InlineData("smba.trafficmanager.net/emea/")]
    [InlineData("/emea/")]
    [InlineData("ftp://smba.trafficmanager.net/emea/")]
    [InlineData("http://smba.trafficmanager.net/emea/")]
    public async Task SendAsync_ServiceUrlNotUsable_ThrowsBeforeSending(string serviceUrl)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _harness.ConnectorClient().SendAsync(serviceUrl, ConversationId, Message("hi")));

        Assert.Equal("serviceUrl", error.ParamName);
        Assert.Empty(_harness.Connector.Requests);
        Assert.Empty(_harness.TokenEndpoint.Requests);
    }

    [Fact]
    public async Task SendAsync_ManySends_OneTokenRequest()
    {
        var client = _harness.ConnectorClient();

        for (var i = 0; i < 5; i++)
        {
            await client.SendAsync(_harness.Connector.ServiceUrl, $"a:conversation-{i}", Message("hi"));
        }

        Assert.Single(_harness.TokenEndpoint.Requests);
        Assert.All(_harness.Connector.Requests, r => Assert.Equal("Bearer token-1", r.Header("Authorization")));
    }

    [Fact]
    public async Task SendAsync_TokenExpired_SendsWithANewOne()
    {
        var client = _harness.ConnectorClient();
        await client.SendAsync(_harness.Connector.ServiceUrl, ConversationId, Message("first"));

        _harness.Clock.Advance(TimeSpan.FromHours(1));
        await client.SendAsync(_harness.Connector.ServiceUrl, ConversationId, Message("second"));

        Assert.Equal(["Bearer token-1", "Bearer token-2"], _harness.Connector.Requests.Select(r => r.Header("Authorization")));
    }

    [Fact]
    public async Task SendAsync_429WithRetryAfterSeconds_WaitsThatLongThenSucceeds()
    {
        _harness.Connector.Enqueue(new ScriptedResponse(429, """{"error":{"code":"Throttled","message":"Too many requests"}}""", ("Retry-After", "1")));

        var id = await _harness.ConnectorClient().SendAsync(_harness.Connector.ServiceUrl, ConversationId, Message("hi"));

        Assert.Equal("activity-2", id);
        Assert.Equal(2, _harness.Connector.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(1)], _harness.RetryDelays);
    }

    [Fact]
    public async Task SendAsync_429WithRetryAfterDate_WaitsUntilThen()
    {
        var until = _harness.Clock.GetUtcNow().AddSeconds(3).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        _harness.Connector.Enqueue(new ScriptedResponse(429, "", ("Retry-After", until)));

        await _harness.ConnectorClient().SendAsync(_harness.Connector.ServiceUrl, ConversationId, Message("hi"));

        Assert.Equal([TimeSpan.FromSeconds(3)], _harness.RetryDelays);
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task SendAsync_TransientFailureThenSuccess_RetriedWithBackoff(int status)
    {
        _harness.Connector.Enqueue(new ScriptedResponse(status, """{"error":{"code":"ServiceError","message":"try later"}}"""));

        var id = await _harness.ConnectorClient().SendAsync(_harness.Connector.ServiceUrl, ConversationId, Message("hi"));

        Assert.Equal("activity-2", id);
        Assert.Equal(2, _harness.Connector.Requests.Count);
        var delay = Assert.Single(_harness.RetryDelays);
        Assert.InRange(delay, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task SendAsync_FailingEveryTime_GivesUpAfterFiveAttemptsWithGrowingDelays()
    {
        for (var i = 0; i < 5; i++)
        {
            _harness.Connector.Enqueue(new ScriptedResponse(503, """{"error":{"code":"ServiceUnavailable","message":"down"}}"""));
        }

        var error = await Assert.ThrowsAsync<BotConnectorException>(
            () => _harness.ConnectorClient().SendAsync(_harness.Connector.ServiceUrl, ConversationId, Message("hi")));

        Assert.Equal(5, _harness.Connector.Requests.Count);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Contains("after 5 attempts", error.Message, StringComparison.Ordinal);
        Assert.Equal("op-5", error.CorrelationId);
        Assert.Equal(4, _harness.RetryDelays.Count);
        for (var i = 0; i < 4; i++)
        {
            var ceiling = TimeSpan.FromSeconds(Math.Pow(2, i));
            Assert.InRange(_harness.RetryDelays[i], ceiling / 2, ceiling);
        }
    }

    [Fact]
    public async Task SendAsync_RetryAfterLongerThanTheBotWaits_FailsAtOnce()
    {
        _harness.Connector.Enqueue(new ScriptedResponse(429, "", ("Retry-After", "3600")));

        var error = await Assert.ThrowsAsync<BotConnectorException>(
            () => _harness.ConnectorClient().SendAsync(_harness.Connector.ServiceUrl, ConversationId, Message("hi")));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Single(_harness.Connector.Requests);
        Assert.Empty(_harness.RetryDelays);
    }

    public static TheoryData<string, string> UnreachableBodies => new()
    {
        { DocumentedBlockedBody, "MessageWritesBlocked" },
        { """{"error":{"code":"Forbidden","subCode":"MessageWritesBlocked","message":"Thread is blocked from message writes."}}""", "MessageWritesBlocked" },
        { """{"error":{"code":"ConversationBlockedByUser","message":"User blocked the conversation with the bot."}}""", "ConversationBlockedByUser" },
        { """{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}""", "BotNotInConversationRoster" },
    };

    [Theory]
    [MemberData(nameof(UnreachableBodies))]
    public async Task SendAsync_403RecipientBlockedTheBot_ThrowsUnreachableAfterOneRequest(string body, string code)
    {
        _harness.Connector.Enqueue(new ScriptedResponse(403, body));

        var error = await Assert.ThrowsAsync<RecipientUnreachableException>(
            () => _harness.ConnectorClient().SendAsync(_harness.Connector.ServiceUrl, ConversationId, Message("hi")));

        Assert.Single(_harness.Connector.Requests);
        Assert.Empty(_harness.RetryDelays);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("op-1", error.CorrelationId);
    }

    [Fact]
    public async Task SendAsync_Other403_ThrowsWithoutRetryAndIsNotUnreachable()
    {
        _harness.Connector.Enqueue(new ScriptedResponse(403, """{"error":{"code":"BotNotRegistered","message":"No registration found for this bot."}}"""));

        var error = await Assert.ThrowsAsync<BotConnectorException>(
            () => _harness.ConnectorClient().SendAsync(_harness.Connector.ServiceUrl, ConversationId, Message("hi")));

        Assert.IsNotType<RecipientUnreachableException>(error);
        Assert.Equal("BotNotRegistered", error.ErrorCode);
        Assert.Contains("No registration found for this bot.", error.Message, StringComparison.Ordinal);
        Assert.Single(_harness.Connector.Requests);
    }

    [Fact]
    public async Task SendAsync_400_ThrowsWithTheConnectorsMessageWithoutRetry()
    {
        _harness.Connector.Enqueue(new ScriptedResponse(400, """{"error":{"code":"BadArgument","message":"Unknown attachment type"}}"""));

        var error = await Assert.ThrowsAsync<BotConnectorException>(
            () => _harness.ConnectorClient().SendAsync(_harness.Connector.ServiceUrl, ConversationId, Message("hi")));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("BadArgument: Unknown attachment type", error.Message, StringComparison.Ordinal);
        Assert.Single(_harness.Connector.Requests);
    }

    [Fact]
    public async Task SendAsync_ActivityOver80KB_RefusedBeforeAnyRequest()
    {
        var big = Message(new string('x', BotConnectorClient.MaxActivityBytes));

        var error = await Assert.ThrowsAsync<ActivityTooLargeException>(
            () => _harness.ConnectorClient().SendAsync(_harness.Connector.ServiceUrl, ConversationId, big));

        Assert.True(error.Size > BotConnectorClient.MaxActivityBytes);
        Assert.Contains("81,9", error.Message, StringComparison.Ordinal);
        Assert.Empty(_harness.Connector.Requests);
        Assert.Empty(_harness.TokenEndpoint.Requests);
    }

    [Fact]
    public async Task SendAsync_ActivityJustUnderTheLimit_Sent()
    {
        var almost = Message(new string('x', BotConnectorClient.MaxActivityBytes - 200));

        await _harness.ConnectorClient().SendAsync(_harness.Connector.ServiceUrl, ConversationId, almost);

        Assert.Single(_harness.Connector.Requests);
    }

    [Fact]
    public async Task SendAsync_EighthMessageInASecond_WaitsForTheWindow()
    {
        var client = _harness.ConnectorClient();
        for (var i = 0; i < 7; i++)
        {
            await client.SendAsync(_harness.Connector.ServiceUrl, ConversationId, Message($"message {i}"));
        }

        var eighth = client.SendAsync(_harness.Connector.ServiceUrl, ConversationId, Message("message 7"));
        await _harness.Clock.WaitForTimersAsync(1);
        var elsewhere = await client.SendAsync(_harness.Connector.ServiceUrl, "a:another-conversation", Message("not held up"));
        var heldBack = _harness.Connector.Requests.Count(r => r.RawTarget.Contains(EscapedConversationId, StringComparison.Ordinal));
        // A second, and the 3% margin the pacer keeps under Teams' published limit.
        _harness.Clock.Advance(TimeSpan.FromMilliseconds(1029));
        var stillHeldBack = eighth.IsCompleted;
        _harness.Clock.Advance(TimeSpan.FromMilliseconds(1));
        await eighth;

        Assert.Equal(7, heldBack);
        Assert.False(stillHeldBack);
        Assert.NotNull(elsewhere);
        Assert.Equal(9, _harness.Connector.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_Failure_LogsTheCorrelationId()
    {
        _harness.Connector.Enqueue(new ScriptedResponse(503, ""));

        await _harness.ConnectorClient().SendAsync(_harness.Connector.ServiceUrl, ConversationId, Message("hi"));

        Assert.Contains(_harness.ConnectorLog.Lines, l => l.Contains("X-Correlating-OperationId op-1", StringComparison.Ordinal));
        Assert.Contains(_harness.ConnectorLog.Lines, l => l.Contains("X-Correlating-OperationId op-2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_TokenEndpointRefuses_NothingSentToTheConnector()
    {
        _harness.TokenEndpoint.Refusal = (401, """{"error":"unauthorized_client"}""");

        await Assert.ThrowsAsync<BotTokenException>(
            () => _harness.ConnectorClient().SendAsync(_harness.Connector.ServiceUrl, ConversationId, Message("hi")));

        Assert.Empty(_harness.Connector.Requests);
    }

    [Fact]
    public async Task GetPagedMembersAsync_FirstPage_GetsThePagedMembersOfTheTeamWithTheBotsToken()
    {
        _harness.Connector.SetMembers(TeamId,
            new FakeTeamsMember("29:1ana", "Ana Lima", "Ana.Lima@contoso.example", "ana@contoso.example", "5b0e4c3a-0000-4000-8000-000000000001"),
            new FakeTeamsMember("29:1ben", null, null, "ben@contoso.example", GivenName: "Ben", Surname: "Okafor"),
            new FakeTeamsMember("29:1guest", "Visitor (Guest)", null, UserRole: "anonymous"));

        var page = await _harness.ConnectorClient().GetPagedMembersAsync(_harness.Connector.ServiceUrl, TeamsHarness.TenantId, TeamId, pageSize: 50);

        var request = Assert.Single(_harness.Connector.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal($"/emea/v3/conversations/{Uri.EscapeDataString(TeamId)}/pagedmembers?pageSize=50", request.RawTarget);
        Assert.Equal("Bearer token-1", request.Header("Authorization"));
        Assert.Equal("", request.Body);
        Assert.Null(page.ContinuationToken);
        Assert.Equal(
            [
                new TeamsChannelAccount("29:1ana", "Ana Lima", "5b0e4c3a-0000-4000-8000-000000000001", "Ana.Lima@contoso.example", "ana@contoso.example", null, null, "user", null),
                new TeamsChannelAccount("29:1ben", null, null, null, "ben@contoso.example", "Ben", "Okafor", "user", null),
                new TeamsChannelAccount("29:1guest", "Visitor (Guest)", null, null, null, null, null, "anonymous", null),
            ],
            page.Members);
        Assert.Equal("Ben Okafor", page.Members[1].DisplayName);
        Assert.True(page.Members[2].IsAnonymous);
    }

    [Fact]
    public async Task GetPagedMembersAsync_ContinuationToken_GetsTheNextPageUntilThereIsNone()
    {
        _harness.Connector.SetMembers(TeamId, [.. Enumerable.Range(1, 5).Select(n => new FakeTeamsMember($"29:1member-{n}", $"Member {n}", $"member{n}@contoso.example"))]);
        var client = _harness.ConnectorClient();

        var first = await client.GetPagedMembersAsync(_harness.Connector.ServiceUrl, TeamsHarness.TenantId, TeamId, pageSize: 2);
        var second = await client.GetPagedMembersAsync(_harness.Connector.ServiceUrl, TeamsHarness.TenantId, TeamId, pageSize: 2, first.ContinuationToken);
        var third = await client.GetPagedMembersAsync(_harness.Connector.ServiceUrl, TeamsHarness.TenantId, TeamId, pageSize: 2, second.ContinuationToken);

        Assert.Equal(["29:1member-1", "29:1member-2", "29:1member-3", "29:1member-4", "29:1member-5"], first.Members.Concat(second.Members).Concat(third.Members).Select(m => m.Id));
        Assert.NotNull(second.ContinuationToken);
        Assert.Null(third.ContinuationToken);
        Assert.EndsWith("&continuationToken=" + Uri.EscapeDataString(first.ContinuationToken!), _harness.Connector.Requests[1].RawTarget, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPagedMembersAsync_429WithRetryAfter_WaitsThenGetsThePage()
    {
        _harness.Connector.SetMembers(TeamId, new FakeTeamsMember("29:1ana", "Ana Lima", "ana@contoso.example"));
        _harness.Connector.EnqueueMembers(new ScriptedResponse(429, """{"error":{"code":"Throttled","message":"Too many requests"}}""", ("Retry-After", "2")));

        var page = await _harness.ConnectorClient().GetPagedMembersAsync(_harness.Connector.ServiceUrl, TeamsHarness.TenantId, TeamId);

        Assert.Equal("29:1ana", Assert.Single(page.Members).Id);
        Assert.Equal([TimeSpan.FromSeconds(2)], _harness.RetryDelays);
        Assert.Equal(2, _harness.Connector.Requests.Count);
    }

    [Fact]
    public async Task GetPagedMembersAsync_ServerError_ThrowsNamingTheCall()
    {
        _harness.Connector.EnqueueMembers(new ScriptedResponse(500, """{"error":{"code":"InternalServerError","message":"Something went wrong"}}"""));

        var error = await Assert.ThrowsAsync<BotConnectorException>(
            () => _harness.ConnectorClient().GetPagedMembersAsync(_harness.Connector.ServiceUrl, TeamsHarness.TenantId, TeamId));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Contains("pagedmembers answered 500", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPagedMembersAsync_AnswerWithoutMembers_Throws()
    {
        _harness.Connector.EnqueueMembers(new ScriptedResponse(200, """{"id":"not-a-members-list"}"""));

        await Assert.ThrowsAsync<BotConnectorException>(
            () => _harness.ConnectorClient().GetPagedMembersAsync(_harness.Connector.ServiceUrl, TeamsHarness.TenantId, TeamId));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(501)]
    public async Task GetPagedMembersAsync_PageSizeOutsideTeamsLimits_ThrowsBeforeCalling(int pageSize)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => _harness.ConnectorClient().GetPagedMembersAsync(_harness.Connector.ServiceUrl, TeamsHarness.TenantId, TeamId, pageSize));

        Assert.Empty(_harness.Connector.Requests);
    }

    private const string TeamId = "19:8a7c6e5d4b3a49f1a2c3d4e5f6a7b8c9@thread.tacv2";

    private static Activity Message(string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Conversation = new ConversationAccount { Id = ConversationId, TenantId = TeamsHarness.TenantId },
    };
}
