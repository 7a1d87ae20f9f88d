using System.Net;
using System.Text.Json.Nodes;
using FeedbackBot.Channels.Slack;
using FeedbackBot.Channels.Teams;
using FeedbackBot.Testing.Slack;

namespace FeedbackBot.Channels.Tests.Slack;

public sealed class SlackWebApiClientTests : IAsyncLifetime
{
    private const string BotToken = SlackHarness.BotToken;

    private SlackHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await SlackHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static JsonArray Blocks(string text) =>
        [new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = text } }];

    [Fact]
    public async Task PostMessageAsync_PostsJsonWithBearerToken_ReturnsTheTs()
    {
        var blocks = Blocks("*Pulse* time");

        var ts = await _harness.Client().PostMessageAsync(BotToken, "C0CHANNEL", "Pulse time", blocks, threadTs: "1767225600.000001");

        var call = Assert.Single(_harness.Api.Calls);
        Assert.Equal("1767225600.000001", ts);
        Assert.Equal("chat.postMessage", call.Method);
        Assert.Equal(BotToken, call.Token);
        Assert.True(call.IsJson);
        Assert.Equal("C0CHANNEL", call.Field("channel"));
        Assert.Equal("Pulse time", call.Field("text"));
        Assert.Equal("1767225600.000001", call.Field("thread_ts"));
        Assert.Equal("*Pulse* time", call.Body["blocks"]![0]!["text"]!["text"]!.GetValue<string>());
        Assert.Null(blocks.Parent);
    }

    [Fact]
    public async Task PostMessageAsync_WithoutBlocksOrThread_LeavesThemOut()
    {
        await _harness.Client().PostMessageAsync(BotToken, "C0CHANNEL", "hello");

        var call = Assert.Single(_harness.Api.Calls);
        Assert.False(call.Body.ContainsKey("blocks"));
        Assert.False(call.Body.ContainsKey("thread_ts"));
    }

    [Fact]
    public async Task UpdateMessageAsync_SendsChannelTsTextAndBlocks()
    {
        await _harness.Client().UpdateMessageAsync(BotToken, "D00000001", "1767225600.000003", "Thanks for answering", Blocks("Thanks"));

        var call = Assert.Single(_harness.Api.Calls);
        Assert.Equal("chat.update", call.Method);
        Assert.Equal("D00000001", call.Field("channel"));
        Assert.Equal("1767225600.000003", call.Field("ts"));
        Assert.Equal("Thanks for answering", call.Field("text"));
        Assert.Single(call.Body["blocks"]!.AsArray());
    }

    [Fact]
    public async Task PostEphemeralAsync_SendsChannelAndUser_ReturnsMessageTs()
    {
        var ts = await _harness.Client().PostEphemeralAsync(BotToken, "C0CHANNEL", "U0SAM", "Only you can see this");

        var call = Assert.Single(_harness.Api.Calls);
        Assert.Equal("chat.postEphemeral", call.Method);
        Assert.Equal("U0SAM", call.Field("user"));
        Assert.Equal("1767225600.000001", ts);
    }

    [Fact]
    public async Task OpenConversationAsync_ReturnsTheDirectMessageChannel_SameForTheSamePerson()
    {
        var client = _harness.Client();

        var first = await client.OpenConversationAsync(BotToken, ["U0SAM"]);
        var again = await client.OpenConversationAsync(BotToken, ["U0SAM"]);
        var other = await client.OpenConversationAsync(BotToken, ["U0MORGAN"]);

        Assert.Equal("D00000001", first);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal("U0SAM", _harness.Api.Calls[0].Field("users"));
    }

    [Fact]
    public async Task OpenViewAsync_SendsTriggerAndView_ReturnsItsIdAndHash()
    {
        var view = new JsonObject { ["type"] = "modal", ["callback_id"] = "survey.submit", ["title"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Pulse" } };

        var opened = await _harness.Client().OpenViewAsync(BotToken, "12466734323.1395872398", view);

        var call = Assert.Single(_harness.Api.Calls);
        Assert.Equal("views.open", call.Method);
        Assert.Equal("12466734323.1395872398", call.Field("trigger_id"));
        Assert.Equal("survey.submit", call.Body["view"]!["callback_id"]!.GetValue<string>());
        Assert.Equal("V00000001", opened.Id);
        Assert.NotNull(opened.Hash);
    }

    [Fact]
    public async Task UpdateViewAsync_WithCurrentHash_Succeeds_WithStaleHash_ThrowsHashConflict()
    {
        var client = _harness.Client();
        var view = new JsonObject { ["type"] = "modal", ["callback_id"] = "survey.submit" };
        var opened = await client.OpenViewAsync(BotToken, "1.2.3", view);

        var updated = await client.UpdateViewAsync(BotToken, opened.Id, view, opened.Hash);
        var error = await Assert.ThrowsAsync<SlackApiException>(() => client.UpdateViewAsync(BotToken, opened.Id, view, opened.Hash));

        Assert.Equal(opened.Id, updated.Id);
        Assert.Equal("views.update", _harness.Api.Calls[1].Method);
        Assert.Equal(opened.Id, _harness.Api.Calls[1].Field("view_id"));
        Assert.Equal("views.update failed: hash_conflict", error.Message);
    }

    [Fact]
    public async Task GetUserAsync_KnownPerson_ReturnsWhoTheyAre()
    {
        _harness.Api.AddUser(new FakeSlackUser("U0SAM", "sam", "Sam Rivera", "T0HARNESS"));

        var user = await _harness.Client().GetUserAsync(BotToken, "U0SAM");

        var call = Assert.Single(_harness.Api.Calls);
        Assert.Equal(new SlackUserInfo("U0SAM", "sam", "Sam Rivera", "T0HARNESS", IsBot: false, Deleted: false), user);
        Assert.Equal("users.info", call.Method);
        Assert.Equal(BotToken, call.Token);
        Assert.True(call.IsForm);
        Assert.Equal("U0SAM", call.Field("user"));
    }

    [Fact]
    public async Task GetUserAsync_UnknownPerson_ThrowsRecipientUnreachable()
    {
        var error = await Assert.ThrowsAsync<SlackRecipientUnreachableException>(() => _harness.Client().GetUserAsync(BotToken, "U0GONE"));

        Assert.Equal("users.info", error.Method);
        Assert.Equal("user_not_found", error.Error);
    }

    [Fact]
    public async Task ListUsersAsync_FirstPage_PostsAFormWithTheLimitAndReadsProfiles()
    {
        _harness.Api.AddUser(new FakeSlackUser("U0ANA", "ana", "Ana Lima", "T0HARNESS", Email: "Ana.Lima@contoso.example", Title: "Team lead"));
        _harness.Api.AddUser(new FakeSlackUser("U0BOT", "helper", "Helper Bot", "T0HARNESS", IsBot: true));
        _harness.Api.AddUser(new FakeSlackUser("U0GONE", "gone", "Gone Person", "T0HARNESS", Deleted: true));

        var page = await _harness.Client().ListUsersAsync(BotToken);

        var call = Assert.Single(_harness.Api.Calls);
        Assert.Equal("users.list", call.Method);
        Assert.Equal(BotToken, call.Token);
        Assert.True(call.IsForm);
        Assert.Equal("200", call.Field("limit"));
        Assert.Null(call.Field("cursor"));
        Assert.Null(page.NextCursor);
        Assert.Equal(
            [
                new SlackMember("U0ANA", "ana", "Ana Lima", "ana", "Ana.Lima@contoso.example", "Team lead", IsBot: false, Deleted: false),
                new SlackMember("U0BOT", "helper", "Helper Bot", "helper", null, "", IsBot: true, Deleted: false),
                new SlackMember("U0GONE", "gone", "Gone Person", "gone", null, "", IsBot: false, Deleted: true),
                new SlackMember("USLACKBOT", "slackbot", "Slackbot", "slackbot", null, "", IsBot: false, Deleted: false),
            ],
            page.Members);
        Assert.Equal([true, false, false, false], page.Members.Select(m => m.IsPerson));
    }

    [Fact]
    public async Task ListUsersAsync_NextCursor_ReadsEveryPageOnce()
    {
        foreach (var n in Enumerable.Range(1, 5))
        {
            _harness.Api.AddUser(new FakeSlackUser($"U0P{n}", $"p{n}", $"Person {n}", "T0HARNESS"));
        }

        var client = _harness.Client();
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await client.ListUsersAsync(BotToken, cursor, limit: 2);
            ids.AddRange(page.Members.Select(m => m.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(["U0P1", "U0P2", "U0P3", "U0P4", "U0P5", "USLACKBOT"], ids);
        Assert.Equal(3, _harness.Api.CallsTo("users.list").Count);
        Assert.Equal(_harness.Api.CallsTo("users.list").Skip(1).Select(c => c.Field("cursor")), _harness.Api.CallsTo("users.list").Skip(1).Select(c => c.Field("cursor")).Distinct());
    }

    [Fact]
    public async Task ListUsersAsync_Throttled_WaitsRetryAfterThenReadsThePage()
    {
        _harness.Api.ThrottleNext("users.list", 1, retryAfterSeconds: 20);

        var page = await _harness.Client().ListUsersAsync(BotToken);

        Assert.Equal("USLACKBOT", Assert.Single(page.Members).Id);
        Assert.Equal([TimeSpan.FromSeconds(20)], _harness.RetryDelays);
    }

    [Fact]
    public async Task ListUsersAsync_MissingScope_ThrowsNamingSlacksError()
    {
        _harness.Api.FailNext("users.list", 1, "missing_scope");

        var error = await Assert.ThrowsAsync<SlackApiException>(() => _harness.Client().ListUsersAsync(BotToken));

        Assert.Equal(("users.list", "missing_scope"), (error.Method, error.Error));
    }

    [Fact]
    public async Task ExchangeOAuthCodeAsync_ValidCode_ReturnsTheWorkspaceInstall()
    {
        var install = await _harness.Client().ExchangeOAuthCodeAsync(_harness.Api.OAuthCode);

        var call = Assert.Single(_harness.Api.Calls);
        Assert.Equal("oauth.v2.access", call.Method);
        Assert.True(call.IsForm);
        Assert.Null(call.Token);
        Assert.Equal(_harness.Api.ClientId, call.Field("client_id"));
        Assert.Equal(_harness.Api.ClientSecret, call.Field("client_secret"));
        Assert.Equal("https://bot.example.com/slack/oauth/callback", call.Field("redirect_uri"));
        Assert.Equal("xoxb-installed-" + FakeSlackWebApi.InstalledTeamId, install.AccessToken);
        Assert.Equal(FakeSlackWebApi.InstalledTeamId, install.TeamId);
        Assert.Equal(FakeSlackWebApi.InstalledTeamName, install.TeamName);
        Assert.Equal(FakeSlackWebApi.InstalledBotUserId, install.BotUserId);
        Assert.Equal(FakeSlackWebApi.AppId, install.AppId);
        Assert.Contains("chat:write", install.Scopes);
        Assert.DoesNotContain(install.AccessToken, install.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExchangeOAuthCodeAsync_WrongCode_ThrowsNamingTheMethod()
    {
        var error = await Assert.ThrowsAsync<SlackApiException>(() => _harness.Client().ExchangeOAuthCodeAsync("stolen-code"));

        Assert.Equal("oauth.v2.access failed: invalid_code", error.Message);
    }

    [Fact]
    public async Task OpenSocketConnectionAsync_WithAppToken_ReturnsTheUrl_WithBotToken_IsRefused()
    {
        var client = _harness.Client();

        var url = await client.OpenSocketConnectionAsync(SlackHarness.AppToken);
        var error = await Assert.ThrowsAsync<SlackApiException>(() => client.OpenSocketConnectionAsync(BotToken));

        Assert.Equal("wss", url.Scheme);
        Assert.Equal(SlackHarness.AppToken, _harness.Api.Calls[0].Token);
        Assert.Equal("apps.connections.open failed: not_allowed_token_type", error.Message);
    }

    [Fact]
    public async Task RespondAsync_PostsTheMessageToTheResponseUrl()
    {
        await _harness.Client().RespondAsync(_harness.Api.ResponseUrl("T1/42/abc"), "Thanks!", Blocks("Thanks!"), replaceOriginal: true);

        var call = Assert.Single(_harness.Api.Calls);
        Assert.Equal(SlackWebApiClient.ResponseUrlMethod, call.Method);
        Assert.Null(call.Token);
        Assert.Equal("Thanks!", call.Field("text"));
        Assert.True(call.Body["replace_original"]!.GetValue<bool>());
        Assert.Equal("ephemeral", call.Field("response_type"));
        Assert.Single(call.Body["blocks"]!.AsArray());
    }

    [Fact]
    public async Task RespondAsync_UrlThatIsNotHttps_ThrowsBeforeSending()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _harness.Client().RespondAsync("http://hooks.example.com/actions/1", "hi"));

        Assert.Empty(_harness.Api.Calls);
    }

    [Fact]
    public async Task PostMessageAsync_OkFalse_ThrowsNamingTheMethodAndError()
    {
        _harness.Api.FailNext("chat.postMessage", 1, "channel_not_found");

        var error = await Assert.ThrowsAsync<SlackApiException>(() => _harness.Client().PostMessageAsync(BotToken, "C0GONE", "hi"));

        Assert.IsNotType<SlackRecipientUnreachableException>(error);
        Assert.Equal("chat.postMessage failed: channel_not_found", error.Message);
        Assert.Equal("chat.postMessage", error.Method);
        Assert.Equal("channel_not_found", error.Error);
        Assert.Single(_harness.Api.Calls);
    }

    [Fact]
    public async Task PostMessageAsync_TokenRefused_ThrowsInvalidAuth()
    {
        var error = await Assert.ThrowsAsync<SlackApiException>(() => _harness.Client().PostMessageAsync("xoxp-user-token", "C1", "hi"));

        Assert.Equal("invalid_auth", error.Error);
    }

    [Theory]
    [InlineData("channel_not_found")]
    [InlineData("is_archived")]
    [InlineData("not_in_channel")]
    [InlineData("account_inactive")]
    [InlineData("user_not_found")]
    public async Task PostMessageAsync_DirectMessageUnreachable_ThrowsRecipientUnreachable(string slackError)
    {
        _harness.Api.FailNext("chat.postMessage", 1, slackError);

        var error = await Assert.ThrowsAsync<SlackRecipientUnreachableException>(() => _harness.Client().PostMessageAsync(BotToken, "D0SAM", "Pulse"));

        Assert.Equal(slackError, error.Error);
        Assert.StartsWith($"chat.postMessage failed: {slackError}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenConversationAsync_WithABot_ThrowsRecipientUnreachable()
    {
        _harness.Api.AddUser(new FakeSlackUser("U0OTHERBOT", "helper", "Helper Bot", "T0HARNESS", IsBot: true));

        var error = await Assert.ThrowsAsync<SlackRecipientUnreachableException>(() => _harness.Client().OpenConversationAsync(BotToken, ["U0OTHERBOT"]));

        Assert.Equal("cannot_dm_bot", error.Error);
    }

    [Fact]
    public async Task UpdateMessageAsync_429WithRetryAfter_WaitsThatLongThenSucceeds()
    {
        _harness.Api.ThrottleNext("chat.update", 1, retryAfterSeconds: 7);

        await _harness.Client().UpdateMessageAsync(BotToken, "C1", "1.0", "updated");

        Assert.Equal(2, _harness.Api.CallsTo("chat.update").Count);
        Assert.Equal([TimeSpan.FromSeconds(7)], _harness.RetryDelays);
    }

    [Fact]
    public async Task PostMessageAsync_ThrottledEveryTime_GivesUpAfterFiveAttempts()
    {
        _harness.Api.ThrottleNext("chat.postMessage", 5, retryAfterSeconds: 1);

        var error = await Assert.ThrowsAsync<SlackApiException>(() => _harness.WithClockRunningAsync(() => _harness.Client().PostMessageAsync(BotToken, "C1", "hi")));

        Assert.Equal("ratelimited", error.Error);
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Contains("after 5 attempts", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, _harness.Api.CallsTo("chat.postMessage").Count);
        Assert.Equal(4, _harness.RetryDelays.Count);
    }

    [Fact]
    public async Task PostMessageAsync_RetryAfterLongerThanTheBotWaits_FailsAtOnce()
    {
        _harness.Api.ThrottleNext("chat.postMessage", 1, retryAfterSeconds: 600);

        var error = await Assert.ThrowsAsync<SlackApiException>(() => _harness.Client().PostMessageAsync(BotToken, "C1", "hi"));

        Assert.Contains("longer than", error.Message, StringComparison.Ordinal);
        Assert.Empty(_harness.RetryDelays);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task PostMessageAsync_ServerErrorThenSuccess_RetriedWithBackoff(int status)
    {
        _harness.Api.ServerErrorNext("chat.postMessage", 1, status);

        // The retry takes a new slot in the channel's pace, so the clock must run for it.
        var ts = await _harness.WithClockRunningAsync(() => _harness.Client().PostMessageAsync(BotToken, "C1", "hi"));

        Assert.Equal("1767225600.000001", ts);
        Assert.Equal(2, _harness.Api.CallsTo("chat.postMessage").Count);
        Assert.InRange(Assert.Single(_harness.RetryDelays), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task PostMessageAsync_ManyToOneChannel_PacedToOnePerSecondWithNoViolations()
    {
        _harness.Api.EnforceChannelRate(limit: 1, period: TimeSpan.FromSeconds(1));
        var client = _harness.Client();
        var started = _harness.Clock.GetUtcNow();

        var sent = await _harness.WithClockRunningAsync(async () =>
        {
            var ts = new List<string>();
            foreach (var channel in new[] { "C1", "C1", "C2", "C1", "C2" })
            {
                ts.Add(await client.PostMessageAsync(BotToken, channel, "Weekly summary"));
            }

            return ts;
        });

        Assert.Equal(5, sent.Distinct().Count());
        Assert.Equal(0, _harness.Api.RateViolations);
        Assert.Empty(_harness.RetryDelays);
        var c1 = _harness.Api.CallsTo("chat.postMessage").Where(c => c.Field("channel") == "C1").Select(c => c.At).ToList();
        Assert.All(c1.Zip(c1.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(1)));
        Assert.True(_harness.Clock.GetUtcNow() - started >= TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task PostMessageAsync_PacerAllowingBursts_IsCaughtByTheFake()
    {
        _harness.Api.EnforceChannelRate(limit: 1, period: TimeSpan.FromSeconds(1));
        var client = _harness.Client(new SlackApiPacer(_harness.Clock, [new RateWindow(5, TimeSpan.FromSeconds(1))]));

        await _harness.WithClockRunningAsync(async () =>
        {
            await client.PostMessageAsync(BotToken, "C1", "one");
            return await client.PostMessageAsync(BotToken, "C1", "two");
        });

        Assert.Equal(1, _harness.Api.RateViolations);
        Assert.Equal([TimeSpan.FromSeconds(1)], _harness.RetryDelays);
    }
}
