using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Infrastructure.Storage;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Infrastructure.Outbox;
using FeedbackBot.Tests.Support;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Tests.Features.Cycles;

/// <summary>
/// One plan through a whole cycle in the real host, on Hangfire, with its outbox sending to a fake Teams Connector:
/// the plan's recurring job opens the cycle and invites, two rounds of reminders go to those who have not answered,
/// the close builds the review and it is posted to the plan's channel. The clock is stopped and jumps to each step's
/// time; at each jump the jobs due by then are started (<see cref="DueJobs"/>), and Hangfire runs them.
/// </summary>
public sealed class WholeCycleTests
{
    [Fact]
    public async Task Cycle_OnHangfireWithAJumpingClock_InvitesRemindsTwiceClosesAndPostsTheReview()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var teams = await FakeTeams.StartAsync(database);
        var connector = teams.Connector;
        var clock = new ManualClock(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(DateTime.UtcNow.Hour), TimeSpan.Zero));
        await CycleRig.ApplyPlanAsync(teams.Settings, CycleRig.Plan());

        var app = teams.Host(clock);
        await using var _ = app;
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await CycleRig.SeedReachableStaffAsync(database, connector.ServiceUrl, clock.GetUtcNow().UtcDateTime, 5);
        await app.StartAsync();

        // The plan's job is in place before the bot serves; its next run is the plan's next Monday, 10:00 in London.
        var due = PlanJobNextRun(app);
        DueJobs.JumpTo(clock, due.AddSeconds(1), app.Services);
        await WaitForAsync(teams, 5);
        Assert.Equal(Enumerable.Range(1, 5).Select(CycleRig.StaffConversation).Order(), connector.Deliveries.Select(d => d.ConversationId).Order());
        var cycle = await CycleAsync(database);
        Assert.Equal(due.UtcDateTime, cycle.StartsAt);

        // One person answers; the other four are reminded, twice, two days apart.
        await using (var db = database.CreateContext())
        {
            await db.Invitations.Where(i => i.CycleId == cycle.Id).OrderBy(i => i.PersonId).Take(1)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, InvitationState.Answered));
        }

        DueJobs.JumpTo(clock, due.AddDays(2).AddMinutes(1), app.Services);
        await WaitForAsync(teams, 9);
        DueJobs.JumpTo(clock, due.AddDays(4).AddMinutes(2), app.Services);
        await WaitForAsync(teams, 13);
        var reminders = connector.Deliveries.Skip(5).ToList();
        Assert.Equal(8, reminders.Count);
        Assert.Equal(4, reminders.Select(d => d.ConversationId).Distinct().Count());
        Assert.All(reminders, d => Assert.Contains("reminder", d.Activity.ToJsonString(), StringComparison.OrdinalIgnoreCase));

        DueJobs.JumpTo(clock, new DateTimeOffset(DateTime.SpecifyKind(cycle.EndsAt, DateTimeKind.Utc)).AddSeconds(1), app.Services);
        await WaitForAsync(teams, 14);

        var post = connector.Deliveries[^1];
        Assert.Equal("19:team-channel@thread.tacv2", post.ConversationId);
        Assert.Contains("Team pulse", post.Activity.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("/reviews/", post.Activity.ToJsonString(), StringComparison.Ordinal);
        await using var check = database.CreateContext();
        Assert.Equal(CycleState.Reviewed, (await check.ReviewCycles.SingleAsync()).State);
        Assert.Equal(1, await check.Reviews.CountAsync());
        // The Connector has the last post; the bot records its send when the Connector's answer reaches it.
        Assert.All(await OutboxSeed.WaitUntilSentAsync(database), m => Assert.Equal(OutboxState.Sent, m.State));
    }

    private static DateTimeOffset PlanJobNextRun(WebApplication app)
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = connection.GetRecurringJobs(["pulse"]).Single();
        Assert.Equal("Europe/London", job.TimeZoneId);
        return new DateTimeOffset(DateTime.SpecifyKind(job.NextExecution!.Value, DateTimeKind.Utc));
    }

    private static async Task<ReviewCycle> CycleAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.ReviewCycles.AsNoTracking().SingleAsync();
    }

    private static Task WaitForAsync(FakeTeams teams, int deliveries) =>
        teams.WaitForDeliveriesAsync(deliveries, within: TimeSpan.FromSeconds(20));
}
