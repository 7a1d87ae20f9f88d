using FeedbackBot.Channels.BotFramework;
using FeedbackBot.Channels.Playground;
using FeedbackBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedbackBot.Channels.Tests.Playground;

public sealed class DirectLineServiceTests
{
    private const string ServiceUrl = "http://127.0.0.1:5000/v3/directline";

    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly RecordingBot _bot = new();
    private readonly DirectLineStore _store;
    private readonly DirectLineService _service;

    public DirectLineServiceTests()
    {
        _store = new DirectLineStore(_clock, DirectLineLimits.Default);
        _service = Service(_bot);
    }

    [Fact]
    public async Task StartAsync_NoUserGiven_StartsStaffConversationAndTellsTheBot()
    {
        var started = await StartAsync(user: null);

        Assert.Equal(1800, started.ExpiresIn);
        Assert.Equal("playground:staff", _store.Find(started.ConversationId)!.Identity.UserId);
        var update = Assert.Single(_bot.Received);
        Assert.Equal(ActivityTypes.ConversationUpdate, update.Type);
        Assert.Equal(started.ConversationId, update.Conversation!.Id);
    }

    [Fact]
    public async Task StartAsync_ManagerRequested_ConversationIsTheManagers()
    {
        var started = await StartAsync("playground:manager");

        Assert.Equal("Morgan", _store.Find(started.ConversationId)!.Identity.Name);
    }

    [Fact]
    public async Task StartAsync_UnknownUser_IsBadRequestAndStartsNothing()
    {
        var result = await _service.StartAsync(null, new DirectLineStartRequest { User = new ChannelAccount { Id = "playground:ceo" } }, ServiceUrl, default);

        Assert.Equal(DirectLineOutcome.BadRequest, result.Outcome);
        Assert.Contains("playground:staff", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, _store.ConversationCount);
    }

    [Fact]
    public async Task StartAsync_WithTheConversationsToken_AnswersThatConversationWithoutANewOne()
    {
        var started = await StartAsync("playground:manager");

        var again = await _service.StartAsync("Bearer " + started.Token, null, ServiceUrl, default);
        var forged = await _service.StartAsync("Bearer not-a-token", null, ServiceUrl, default);

        Assert.Equal(started.ConversationId, again.Value!.ConversationId);
        Assert.Equal(DirectLineOutcome.Forbidden, forged.Outcome);
        Assert.Equal(1, _store.ConversationCount);
    }

    [Fact]
    public async Task PostAsync_Message_BotRepliesAndBothAreReadAfterTheWatermark()
    {
        var started = await StartAsync("playground:staff");

        var posted = await _service.PostAsync(Bearer(started), started.ConversationId, Activities.Message("hello", "c1"), default);
        var read = _service.GetActivities(Bearer(started), started.ConversationId, watermark: null);

        Assert.Equal(DirectLineOutcome.Ok, posted.Outcome);
        Assert.Equal([posted.Value!.Id, started.ConversationId + "|0000002"], read.Value!.Activities.Select(a => a.Id));
        Assert.Equal(["hello", "echo: hello"], read.Value.Activities.Select(a => a.Text));
        Assert.Equal(["user", "bot"], read.Value.Activities.Select(a => a.From!.Role));
        Assert.Equal(posted.Value.Id, read.Value.Activities[1].ReplyToId);
        Assert.Equal("c1", read.Value.Activities[0].ChannelData!.Value.GetProperty("clientActivityID").GetString());
        Assert.Empty(_service.GetActivities(Bearer(started), started.ConversationId, read.Value.Watermark).Value!.Activities);
    }

    [Fact]
    public async Task Calls_WithoutAToken_AreUnauthorizedAndStoreNothing()
    {
        var started = await StartAsync("playground:staff");

        Assert.Equal(DirectLineOutcome.Unauthorized, (await _service.PostAsync(null, started.ConversationId, Activities.Message("x"), default)).Outcome);
        Assert.Equal(DirectLineOutcome.Unauthorized, (await _service.PostAsync("Basic abc", started.ConversationId, Activities.Message("x"), default)).Outcome);
        Assert.Equal(DirectLineOutcome.Unauthorized, _service.GetActivities(null, started.ConversationId, null).Outcome);
        Assert.Equal(DirectLineOutcome.Unauthorized, _service.Reconnect("Bearer ", started.ConversationId).Outcome);
        Assert.Equal(DirectLineOutcome.Unauthorized, _service.Refresh(null).Outcome);
        Assert.Empty(_store.Read(started.ConversationId, 0)!.Activities);
    }

    [Fact]
    public async Task Calls_WithAForgedToken_AreForbiddenAndStoreNothing()
    {
        var started = await StartAsync("playground:staff");
        var forged = "Bearer " + started.Token[..^2] + (started.Token[^2] == 'A' ? "BB" : "AA");

        Assert.Equal(DirectLineOutcome.Forbidden, (await _service.PostAsync(forged, started.ConversationId, Activities.Message("x"), default)).Outcome);
        Assert.Equal(DirectLineOutcome.Forbidden, _service.GetActivities(forged, started.ConversationId, null).Outcome);
        Assert.Equal(DirectLineOutcome.Forbidden, _service.Reconnect(forged, started.ConversationId).Outcome);
        Assert.Equal(DirectLineOutcome.Forbidden, _service.Refresh(forged).Outcome);
        Assert.Empty(_store.Read(started.ConversationId, 0)!.Activities);
        Assert.Single(_bot.Received);
    }

    [Fact]
    public async Task Calls_WithAnotherConversationsToken_AreForbiddenAndTouchNeither()
    {
        var staff = await StartAsync("playground:staff");
        var manager = await StartAsync("playground:manager");
        await _service.PostAsync(Bearer(staff), staff.ConversationId, Activities.Message("private"), default);

        var post = await _service.PostAsync(Bearer(manager), staff.ConversationId, Activities.Message("intrusion"), default);
        var read = _service.GetActivities(Bearer(manager), staff.ConversationId, null);
        var reconnect = _service.Reconnect(Bearer(manager), staff.ConversationId);

        Assert.Equal(DirectLineOutcome.Forbidden, post.Outcome);
        Assert.Equal(DirectLineOutcome.Forbidden, read.Outcome);
        Assert.Null(read.Value);
        Assert.Equal(DirectLineOutcome.Forbidden, reconnect.Outcome);
        Assert.Equal(["private", "echo: private"], _store.Read(staff.ConversationId, 0)!.Activities.Select(a => a.Text));
        Assert.Empty(_store.Read(manager.ConversationId, 0)!.Activities);
    }

    [Fact]
    public async Task PostAsync_SameClientActivityTwice_StoredOnceSameIdBotCalledOnce()
    {
        var started = await StartAsync("playground:staff");

        var first = await _service.PostAsync(Bearer(started), started.ConversationId, Activities.Message("answer", "click-1"), default);
        var second = await _service.PostAsync(Bearer(started), started.ConversationId, Activities.Message("answer", "click-1"), default);

        Assert.Equal(first.Value!.Id, second.Value!.Id);
        Assert.Equal(["answer", "echo: answer"], _store.Read(started.ConversationId, 0)!.Activities.Select(a => a.Text));
        Assert.Single(_bot.Received, a => a.Type == ActivityTypes.Message);
    }

    [Fact]
    public async Task PostAsync_SameClientActivityConcurrently_BotHandlesItOnce()
    {
        var started = await StartAsync("playground:staff");
        _bot.Delay = TimeSpan.FromMilliseconds(200);

        var posts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            _service.PostAsync(Bearer(started), started.ConversationId, Activities.Message("double click", "click-2"), default)));

        Assert.Single(posts.Select(p => p.Value!.Id).Distinct());
        Assert.Single(_bot.Received, a => a.Type == ActivityTypes.Message);
        Assert.Equal(2, _store.Read(started.ConversationId, 0)!.Activities.Count);
    }

    [Fact]
    public async Task PostAsync_BotFails_IsBotFailedAndTheRetryReachesTheBotAgain()
    {
        var started = await StartAsync("playground:staff");
        _bot.FailuresToCome = 1;

        var failed = await _service.PostAsync(Bearer(started), started.ConversationId, Activities.Message("hello", "c9"), default);
        var retried = await _service.PostAsync(Bearer(started), started.ConversationId, Activities.Message("hello", "c9"), default);
        var repeated = await _service.PostAsync(Bearer(started), started.ConversationId, Activities.Message("hello", "c9"), default);

        Assert.Equal(DirectLineOutcome.BotFailed, failed.Outcome);
        Assert.Equal(DirectLineOutcome.Ok, retried.Outcome);
        Assert.Equal(retried.Value!.Id, repeated.Value!.Id);
        Assert.Equal(2, _bot.Received.Count(a => a.Type == ActivityTypes.Message));
        Assert.Equal(["hello", "echo: hello"], _store.Read(started.ConversationId, 0)!.Activities.Select(a => a.Text));
    }

    [Fact]
    public async Task PostAsync_NoBotRegistered_IsBotUnavailable()
    {
        var service = Service(bot: null);
        var started = (await service.StartAsync(null, null, ServiceUrl, default)).Value!;

        var posted = await service.PostAsync("Bearer " + started.Token, started.ConversationId, Activities.Message("anyone?"), default);

        Assert.Equal(DirectLineOutcome.BotUnavailable, posted.Outcome);
    }

    [Theory]
    [InlineData("typing")]
    [InlineData("invoke")]
    [InlineData("conversationUpdate")]
    public async Task PostAsync_TypeOtherThanMessageOrEvent_IsBadRequest(string type)
    {
        var started = await StartAsync("playground:staff");

        var posted = await _service.PostAsync(Bearer(started), started.ConversationId, new Activity { Type = type }, default);

        Assert.Equal(DirectLineOutcome.BadRequest, posted.Outcome);
        Assert.Empty(_store.Read(started.ConversationId, 0)!.Activities);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.5")]
    public async Task GetActivities_WatermarkNotGivenOut_IsBadRequest(string watermark)
    {
        var started = await StartAsync("playground:staff");

        Assert.Equal(DirectLineOutcome.BadRequest, _service.GetActivities(Bearer(started), started.ConversationId, watermark).Outcome);
    }

    [Fact]
    public async Task Refresh_ValidToken_NewTokenOpensTheSameConversation()
    {
        var started = await StartAsync("playground:staff");

        var refreshed = _service.Refresh(Bearer(started)).Value!;

        Assert.NotEqual(started.Token, refreshed.Token);
        Assert.Equal(started.ConversationId, refreshed.ConversationId);
        Assert.Equal(DirectLineOutcome.Ok, _service.GetActivities("Bearer " + refreshed.Token, started.ConversationId, null).Outcome);
    }

    [Fact]
    public async Task Turn_SendToUser_ReachesTheOtherIdentitysConversation()
    {
        var staff = await StartAsync("playground:staff");
        var manager = await StartAsync("playground:manager");
        _bot.OnMessage = async (turn, ct) =>
        {
            var deliveries = await turn.SendToUserAsync("playground:staff", new Activity { Text = "Please answer the pulse" }, ct);
            await turn.SendAsync(new Activity { Text = $"Sent to {deliveries.Count}" }, ct);
        };

        await _service.PostAsync(Bearer(manager), manager.ConversationId, Activities.Message("start pulse"), default);

        var atStaff = _store.Read(staff.ConversationId, 0)!.Activities.Single();
        Assert.Equal("Please answer the pulse", atStaff.Text);
        Assert.Equal("playground:staff", atStaff.Recipient!.Id);
        Assert.Equal("feedbackbot", atStaff.From!.Id);
        Assert.Equal(["start pulse", "Sent to 1"], _store.Read(manager.ConversationId, 0)!.Activities.Select(a => a.Text));
    }

    [Fact]
    public async Task Turn_UpdateTheCardSubmitted_ReplacesItInPlace()
    {
        var started = await StartAsync("playground:staff");
        _bot.OnMessage = async (turn, ct) =>
        {
            if (turn.Activity.ReplyToId is { } card)
            {
                await turn.UpdateAsync(card, new Activity { Text = "Thanks for answering" }, ct);
                return;
            }

            await turn.SendAsync(Activities.Card("""
                {"type":"AdaptiveCard","version":"1.5","actions":[{"type":"Action.Execute","verb":"answer","title":"Send",
                 "fallback":{"type":"Action.Submit","title":"Send","data":{"verb":"answer"}}}]}
                """), ct);
        };
        await _service.PostAsync(Bearer(started), started.ConversationId, Activities.Message("pulse"), default);
        var card = _store.Read(started.ConversationId, 0)!.Activities[^1];
        var submit = card.Attachments![0].Content!.Value.GetProperty("actions")[0];

        await _service.PostAsync(Bearer(started), started.ConversationId, new Activity { Value = submit.GetProperty("data") }, default);

        var shown = _store.Read(started.ConversationId, 0)!.Activities;
        Assert.Equal("Action.Submit", submit.GetProperty("type").GetString());
        Assert.Equal(card.Id, shown[^1].Id);
        Assert.Equal("Thanks for answering", shown[^1].Text);
        Assert.DoesNotContain(shown, a => a.Attachments is not null);
    }

    private DirectLineService Service(IPlaygroundBot? bot)
    {
        var services = new ServiceCollection();
        if (bot is not null)
        {
            services.AddSingleton(bot);
        }

        var provider = services.BuildServiceProvider();
        return new DirectLineService(_store, new PlaygroundMessenger(_store), provider.GetRequiredService<IServiceScopeFactory>(), NullLogger<DirectLineService>.Instance);
    }

    private async Task<DirectLineConversation> StartAsync(string? user)
    {
        var request = user is null ? null : new DirectLineStartRequest { User = new ChannelAccount { Id = user } };
        var result = await _service.StartAsync(null, request, ServiceUrl, default);
        return result.Value ?? throw new InvalidOperationException(result.Error);
    }

    private static string Bearer(DirectLineConversation conversation) => "Bearer " + conversation.Token;
}
