using System.Text.Json;
using FeedbackBot.Conversations;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.People;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Infrastructure.Storage;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Tests.Features.Cycles;

/// <summary>
/// A pulse started in chat lives the same life as a scheduled cycle: in the real host, with its scheduler and its
/// outbox sending to a fake Teams Connector, a manager's <c>start pulse</c> invites, the scheduler reminds those who
/// have not answered and closes the cycle, and its review, counting the answer given, is posted to the plan's channel.
/// Nothing is called by hand after <c>start pulse</c> but the clock, which jumps over the waits.
/// </summary>
public sealed class ChatStartedCycleTests
{
    private const int Staff = 4;
    private const string Channel = "19:team-channel@thread.tacv2";

    [Fact]
    public async Task StartPulse_ClockJumpsOverTheCycle_RemindedClosedReviewedAndPostedOnItsOwn()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var teams = await FakeTeams.StartAsync(database);
        var connector = teams.Connector;
        var clock = ManualClock.FollowingRealTime();
        var settings = teams.Settings;
        // A schedule that does not fall due during the test: the cycle here is the one started in chat.
        await CycleRig.ApplyPlanAsync(settings, CycleRig.Plan(reminders: "count: 1\n  every: 2m")
            .Replace("cron: \"0 10 * * 1\"", "cron: \"0 10 1 1 *\"", StringComparison.Ordinal)
            .Replace("cycle_days: 5", "cycle_length: 5m", StringComparison.Ordinal));

        await using var app = teams.Host(clock);
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await CycleRig.SeedReachableStaffAsync(database, connector.ServiceUrl, clock.GetUtcNow().UtcDateTime, Staff);
        await MakeManagerAsync(database, "29:staff-1");
        await app.StartAsync();

        var started = Assert.IsType<TextReply>(Assert.Single((await SayAsync(app, "29:staff-1", "start pulse pulse")).Replies));
        Assert.StartsWith("Started the **Team pulse** pulse: invited 4 people.", started.Text, StringComparison.Ordinal);
        await WaitForDeliveriesAsync(teams, Staff);
        // The Connector has the cards; the bot records each send when the Connector's answer reaches it, a moment later.
        var invitations = await Eventually.ThatAsync(
            async () =>
            {
                await using var db = database.CreateContext();
                return await db.Invitations.AsNoTracking().ToListAsync();
            },
            all => all.All(i => i.State != InvitationState.Pending),
            "every invitation's send to be recorded",
            TimeSpan.FromSeconds(30));
        Assert.All(invitations, i => Assert.Equal(InvitationState.Sent, i.State));

        // One person answers from their card; the other three are reminded once.
        var cycle = await CycleAsync(database);
        var answered = await SubmitAsync(app, "29:staff-2", cycle.Id, "2");
        Assert.IsType<SurveyThanks>(Assert.Single(answered.Replies));
        DueJobs.JumpTo(clock, new DateTimeOffset(DateTime.SpecifyKind(cycle.StartsAt, DateTimeKind.Utc)).AddMinutes(2).AddSeconds(5), app.Services);
        await WaitForDeliveriesAsync(teams, Staff + Staff - 1);
        Assert.DoesNotContain(connector.Deliveries.Skip(Staff), d => d.ConversationId == CycleRig.StaffConversation(2));
        Assert.All(connector.Deliveries.Skip(Staff), d => Assert.Contains("Reminder", d.Activity.ToJsonString(), StringComparison.Ordinal));

        DueJobs.JumpTo(clock, new DateTimeOffset(DateTime.SpecifyKind(cycle.EndsAt, DateTimeKind.Utc)).AddSeconds(5), app.Services);
        await WaitForDeliveriesAsync(teams, Staff + Staff - 1 + 1);

        var post = connector.Deliveries[^1];
        Assert.Equal(Channel, post.ConversationId);
        Assert.Contains("Team pulse", post.Activity.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("/reviews/", post.Activity.ToJsonString(), StringComparison.Ordinal);
        await using var check = database.CreateContext();
        Assert.Equal(CycleState.Reviewed, (await check.ReviewCycles.SingleAsync()).State);
        using var review = JsonDocument.Parse((await check.Reviews.SingleAsync()).Document);
        Assert.Equal(1, review.RootElement.GetProperty("validation").GetProperty("received").GetInt32());
        Assert.False(review.RootElement.GetProperty("cycle").GetProperty("provisional").GetBoolean());
    }

    private static async Task MakeManagerAsync(TestDatabase database, string channelUserId)
    {
        await using var db = database.CreateContext();
        await db.People.Where(p => p.ChannelUserId == channelUserId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Role, PersonRole.Manager));
    }

    private static async Task<ReviewCycle> CycleAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.ReviewCycles.AsNoTracking().SingleAsync();
    }

    private static Task<ConversationTurn> SayAsync(WebApplication app, string user, string text) =>
        HandleAsync(app, new BotRequest(BotChannel.Teams, CycleRig.TenantExternalId, new BotUser(user, user), "a:" + user, Guid.NewGuid().ToString(), text, null));

    private static Task<ConversationTurn> SubmitAsync(WebApplication app, string user, Guid cycleId, string rating) =>
        HandleAsync(app, new BotRequest(BotChannel.Teams, CycleRig.TenantExternalId, new BotUser(user, user), "a:" + user, Guid.NewGuid().ToString(), null, new BotSubmission(
            Verbs.SubmitSurvey,
            new Dictionary<string, string> { [Verbs.PlanField] = "pulse", [Verbs.CycleField] = cycleId.ToString("D"), [Verbs.CardField] = "card", ["responsiveness"] = rating })));

    private static async Task<ConversationTurn> HandleAsync(WebApplication app, BotRequest request)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ConversationHandler>().HandleAsync(request, CancellationToken.None);
    }

    private static Task WaitForDeliveriesAsync(FakeTeams teams, int count) =>
        teams.WaitForDeliveriesAsync(count, within: TimeSpan.FromSeconds(60));
}
