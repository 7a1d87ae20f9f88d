using System.Text.Json;
using FeedbackBot.Channels.BotFramework;
using FeedbackBot.Channels.Playground;
using FeedbackBot.Testing;

namespace FeedbackBot.Channels.Tests.Playground;

public sealed class DirectLineStoreTests
{
    private const string ServiceUrl = "http://127.0.0.1:5000/v3/directline";

    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Start_TwoConversations_EachHasItsOwnUnguessableIdAndToken()
    {
        var store = Store();

        var first = store.Start(PlaygroundIdentity.Staff, ServiceUrl);
        var second = store.Start(PlaygroundIdentity.Staff, ServiceUrl);

        Assert.NotEqual(first.Conversation.Id, second.Conversation.Id);
        Assert.NotEqual(first.Token, second.Token);
        Assert.True(first.Token.Length >= 43, first.Token);
        Assert.Equal(first.Conversation.Id, store.Authenticate(first.Token)!.Conversation.Id);
        Assert.Equal(second.Conversation.Id, store.Authenticate(second.Token)!.Conversation.Id);
        Assert.Equal(TimeSpan.FromMinutes(30), first.ExpiresIn);
    }

    [Fact]
    public void AppendFromUser_BodyClaimsAnotherSenderAndPlace_StoredFromTheConversationsIdentity()
    {
        var store = Store();
        var staff = store.Start(PlaygroundIdentity.Staff, ServiceUrl);
        var forged = Activities.Message("I am the manager") with
        {
            Id = "chosen-by-client",
            Timestamp = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero),
            From = PlaygroundIdentity.Manager.Account,
            Recipient = new ChannelAccount { Id = "someone-else" },
            Conversation = new ConversationAccount { Id = "another-conversation", TenantId = "another-tenant" },
            ChannelId = "msteams",
            ServiceUrl = "https://attacker.example/",
        };

        var stored = store.AppendFromUser(staff.Conversation.Id, forged)!.Activity;

        Assert.Equal("playground:staff", stored.From!.Id);
        Assert.Equal("Sam", stored.From.Name);
        Assert.Equal("user", stored.From.Role);
        Assert.Equal("feedbackbot", stored.Recipient!.Id);
        Assert.Equal(staff.Conversation.Id, stored.Conversation!.Id);
        Assert.Equal("local", stored.Conversation.TenantId);
        Assert.Equal("playground", stored.ChannelId);
        Assert.Equal(ServiceUrl, stored.ServiceUrl);
        Assert.Equal(staff.Conversation.Id + "|0000001", stored.Id);
        Assert.Equal(_clock.GetUtcNow(), stored.Timestamp);
        Assert.Equal("I am the manager", stored.Text);
    }

    [Fact]
    public void Read_AfterAWatermark_ReturnsOnlyLaterActivitiesAndTheNewestWatermark()
    {
        var store = Store();
        var id = store.Start(PlaygroundIdentity.Staff, ServiceUrl).Conversation.Id;
        store.AppendFromUser(id, Activities.Message("one"));
        store.AppendFromBot(id, new Activity { Text = "two" });

        var all = store.Read(id, 0)!;
        store.AppendFromUser(id, Activities.Message("three"));
        var later = store.Read(id, long.Parse(all.Watermark, System.Globalization.CultureInfo.InvariantCulture))!;
        var none = store.Read(id, long.Parse(later.Watermark, System.Globalization.CultureInfo.InvariantCulture))!;

        Assert.Equal(["one", "two"], all.Activities.Select(a => a.Text));
        Assert.Equal("2", all.Watermark);
        Assert.Equal(["three"], later.Activities.Select(a => a.Text));
        Assert.Equal("3", later.Watermark);
        Assert.Empty(none.Activities);
        Assert.Equal("3", none.Watermark);
        Assert.Equal([id + "|0000001", id + "|0000002"], all.Activities.Select(a => a.Id));
    }

    [Fact]
    public void Append_ClockStandsStill_TimestampsStillIncrease()
    {
        var store = Store();
        var id = store.Start(PlaygroundIdentity.Staff, ServiceUrl).Conversation.Id;

        var first = store.AppendFromUser(id, Activities.Message("a"))!.Activity;
        var second = store.AppendFromBot(id, new Activity { Text = "b" })!;
        var third = store.AppendFromBot(id, new Activity { Text = "c" })!;

        Assert.True(first.Timestamp < second.Timestamp && second.Timestamp < third.Timestamp);
        Assert.Equal(TimeSpan.FromMilliseconds(1), third.Timestamp - second.Timestamp);
    }

    [Fact]
    public void AppendFromUser_SameClientActivityIdTwice_StoredOnceWithTheFirstId()
    {
        var store = Store();
        var id = store.Start(PlaygroundIdentity.Staff, ServiceUrl).Conversation.Id;

        var first = store.AppendFromUser(id, Activities.Message("hello", "client-1"))!;
        var again = store.AppendFromUser(id, Activities.Message("hello", "client-1"))!;
        var other = store.AppendFromUser(id, Activities.Message("hello", "client-2"))!;

        Assert.Equal(first.Activity.Id, again.Activity.Id);
        Assert.NotEqual(first.Activity.Id, other.Activity.Id);
        Assert.Equal(2, store.Read(id, 0)!.Activities.Count);
        Assert.False(again.AlreadyHandled);
        store.MarkHandled(id, first.Activity);
        Assert.True(store.AppendFromUser(id, Activities.Message("hello", "client-1"))!.AlreadyHandled);
    }

    [Fact]
    public void AppendFromBot_MoreThanTheCap_DropsTheOldestAndTheWatermarkKeepsCounting()
    {
        var store = Store(new DirectLineLimits { MaxActivitiesPerConversation = 3 });
        var id = store.Start(PlaygroundIdentity.Staff, ServiceUrl).Conversation.Id;

        for (var i = 1; i <= 5; i++)
        {
            store.AppendFromBot(id, new Activity { Text = $"message {i}" });
        }

        var kept = store.Read(id, 0)!;
        Assert.Equal(["message 3", "message 4", "message 5"], kept.Activities.Select(a => a.Text));
        Assert.Equal("5", kept.Watermark);
    }

    [Fact]
    public void AppendFromBot_MoreBytesThanTheBudget_DropsTheOldest()
    {
        var store = Store(new DirectLineLimits { MaxBytesPerConversation = 3000 });
        var id = store.Start(PlaygroundIdentity.Staff, ServiceUrl).Conversation.Id;

        for (var i = 1; i <= 4; i++)
        {
            store.AppendFromBot(id, new Activity { Text = i + new string('x', 1000) });
        }

        var kept = store.Read(id, 0)!.Activities;
        Assert.InRange(kept.Count, 1, 2);
        Assert.StartsWith("4", kept[^1].Text, StringComparison.Ordinal);
        Assert.True(kept.Sum(a => JsonSerializer.SerializeToUtf8Bytes(a, ActivityJson.Options).Length) <= 3000);
    }

    [Fact]
    public void Start_AtTheConversationCap_EndsTheLeastRecentlyUsedConversation()
    {
        var store = Store(new DirectLineLimits { MaxConversations = 2 });
        var oldest = store.Start(PlaygroundIdentity.Staff, ServiceUrl);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var middle = store.Start(PlaygroundIdentity.Manager, ServiceUrl);
        _clock.Advance(TimeSpan.FromSeconds(1));
        store.Authenticate(oldest.Token);

        var newest = store.Start(PlaygroundIdentity.Staff, ServiceUrl);

        Assert.Equal(2, store.ConversationCount);
        Assert.Null(store.Authenticate(middle.Token));
        Assert.Null(store.Find(middle.Conversation.Id));
        Assert.NotNull(store.Authenticate(oldest.Token));
        Assert.NotNull(store.Authenticate(newest.Token));
    }

    [Fact]
    public void Authenticate_ConversationIdleLongerThanTheTimeout_HasEnded()
    {
        var store = Store(new DirectLineLimits { IdleTimeout = TimeSpan.FromMinutes(10), TokenLifetime = TimeSpan.FromHours(1) });
        var polled = store.Start(PlaygroundIdentity.Staff, ServiceUrl);
        var idle = store.Start(PlaygroundIdentity.Manager, ServiceUrl);

        for (var minute = 0; minute < 3; minute++)
        {
            _clock.Advance(TimeSpan.FromMinutes(6));
            Assert.NotNull(store.Authenticate(polled.Token));
        }

        Assert.Null(store.Authenticate(idle.Token));
        Assert.Null(store.AppendFromBot(idle.Conversation.Id, new Activity { Text = "too late" }));
        Assert.Empty(store.ConversationsOf(PlaygroundIdentity.Manager.UserId));
        Assert.Equal(1, store.ConversationCount);
    }

    [Fact]
    public void Authenticate_TokenPastItsLifetime_IsRejectedWhileARefreshedOneWorks()
    {
        var store = Store();
        var started = store.Start(PlaygroundIdentity.Staff, ServiceUrl);
        _clock.Advance(TimeSpan.FromMinutes(15));

        var refreshed = store.Refresh(started.Token)!;
        _clock.Advance(TimeSpan.FromMinutes(15));

        Assert.Null(store.Authenticate(started.Token));
        Assert.Null(store.Refresh(started.Token));
        Assert.Equal(started.Conversation.Id, store.Authenticate(refreshed.Token)!.Conversation.Id);
        Assert.Equal(TimeSpan.FromMinutes(15), store.Authenticate(refreshed.Token)!.ExpiresIn);
    }

    [Fact]
    public void Refresh_BeyondTheTokenCap_RevokesTheOldestToken()
    {
        var store = Store(new DirectLineLimits { MaxTokensPerConversation = 2 });
        var started = store.Start(PlaygroundIdentity.Staff, ServiceUrl);

        var second = store.Refresh(started.Token)!;
        var third = store.Refresh(second.Token)!;

        Assert.Null(store.Authenticate(started.Token));
        Assert.NotNull(store.Authenticate(second.Token));
        Assert.NotNull(store.Authenticate(third.Token));
    }

    [Fact]
    public void Replace_ABotActivity_KeepsIdAndTimestampAndComesAfterTheWatermark()
    {
        var store = Store();
        var id = store.Start(PlaygroundIdentity.Staff, ServiceUrl).Conversation.Id;
        var card = store.AppendFromBot(id, new Activity { Text = "card" })!;
        store.AppendFromBot(id, new Activity { Text = "after" });
        var watermark = long.Parse(store.Read(id, 0)!.Watermark, System.Globalization.CultureInfo.InvariantCulture);
        _clock.Advance(TimeSpan.FromMinutes(1));

        var replaced = store.Replace(id, card.Id!, new Activity { Text = "thank you" })!;
        var update = store.Read(id, watermark)!;

        Assert.Equal(card.Id, replaced.Id);
        Assert.Equal(card.Timestamp, replaced.Timestamp);
        Assert.Equal(["thank you"], update.Activities.Select(a => a.Text));
        Assert.Equal(card.Id, update.Activities[0].Id);
        Assert.Equal(["after", "thank you"], store.Read(id, 0)!.Activities.Select(a => a.Text));
    }

    [Fact]
    public void Replace_APersonsActivityOrUnknownId_ChangesNothing()
    {
        var store = Store();
        var id = store.Start(PlaygroundIdentity.Staff, ServiceUrl).Conversation.Id;
        var said = store.AppendFromUser(id, Activities.Message("my words"))!.Activity;

        Assert.Null(store.Replace(id, said.Id!, new Activity { Text = "not my words" }));
        Assert.Null(store.Replace(id, id + "|0000099", new Activity { Text = "nothing" }));
        Assert.Equal(["my words"], store.Read(id, 0)!.Activities.Select(a => a.Text));
    }

    [Fact]
    public void AppendFromUser_CardSubmission_ReplyToIdIsTheCardsId()
    {
        var store = Store();
        var id = store.Start(PlaygroundIdentity.Staff, ServiceUrl).Conversation.Id;
        var card = store.AppendFromBot(id, Activities.Card("""
            {"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text","id":"comment"}],
             "actions":[{"type":"Action.Submit","title":"Send","data":{"question":"q1"}}]}
            """))!;
        var submitData = card.Attachments![0].Content!.Value.GetProperty("actions")[0].GetProperty("data");
        var submission = new Activity { Value = Activities.Json($$"""{"question":"q1","comment":"fine","{{CardSubmitReplyTo.DataField}}":"{{submitData.GetProperty(CardSubmitReplyTo.DataField).GetString()}}"}""") };

        var stored = store.AppendFromUser(id, submission)!.Activity;

        Assert.Equal(card.Id, stored.ReplyToId);
        Assert.Equal("""{"question":"q1","comment":"fine"}""", stored.Value!.Value.GetRawText());
    }

    [Fact]
    public void AppendFromUser_SubmissionNamingAnotherConversationsCard_HasNoReplyToId()
    {
        var store = Store();
        var mine = store.Start(PlaygroundIdentity.Staff, ServiceUrl).Conversation.Id;
        var theirs = store.Start(PlaygroundIdentity.Manager, ServiceUrl).Conversation.Id;
        var submission = new Activity { Value = Activities.Json($$"""{"{{CardSubmitReplyTo.DataField}}":"{{theirs}}|0000001"}""") };

        var stored = store.AppendFromUser(mine, submission)!.Activity;

        Assert.Null(stored.ReplyToId);
        Assert.Equal("{}", stored.Value!.Value.GetRawText());
    }

    [Fact]
    public void ConversationsOf_AUserWithTwoTabs_ListsBothAndNoOneElses()
    {
        var store = Store();
        var first = store.Start(PlaygroundIdentity.Staff, ServiceUrl);
        store.Start(PlaygroundIdentity.Manager, ServiceUrl);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var second = store.Start(PlaygroundIdentity.Staff, ServiceUrl);

        var staff = store.ConversationsOf("playground:staff");

        Assert.Equal([second.Conversation.Id, first.Conversation.Id], staff.Select(c => c.Id));
        Assert.Empty(store.ConversationsOf("playground:nobody"));
    }

    [Fact]
    public void ConversationStarted_NewConversation_AddsPersonAndBotWithoutShowingItToTheClient()
    {
        var store = Store();
        var id = store.Start(PlaygroundIdentity.Manager, ServiceUrl).Conversation.Id;

        var started = store.ConversationStarted(id)!;

        Assert.Equal(ActivityTypes.ConversationUpdate, started.Type);
        Assert.Equal(["playground:manager", "feedbackbot"], started.MembersAdded!.Select(m => m.Id));
        Assert.Equal("playground:manager", started.From!.Id);
        Assert.Equal("local", started.Conversation!.TenantId);
        Assert.Empty(store.Read(id, 0)!.Activities);
    }

    private DirectLineStore Store(DirectLineLimits? limits = null) => new(_clock, limits ?? DirectLineLimits.Default);
}
