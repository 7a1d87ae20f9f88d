using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Infrastructure.Storage;
using FeedbackBot.Jobs.Cycles;
using FeedbackBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Tests.Features.Cycles;

/// <summary>
/// One plan through a whole cycle on a fake clock, in the real host with its outbox sending to a fake Teams
/// Connector: open and invite, two rounds of reminders to those who have not answered, close, and the review posted
/// to the plan's channel. The steps are called as the scheduled jobs call them (the jobs' own timing is tested in
/// FeedbackBot.Jobs.Tests).
/// </summary>
public sealed class WholeCycleTests
{
    [Fact]
    public async Task Cycle_OnAFakeClock_InvitesRemindsTwiceClosesAndPostsTheReview()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var teams = await FakeTeams.StartAsync(database);
        var connector = teams.Connector;
        var clock = new ManualClock(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(DateTime.UtcNow.Hour), TimeSpan.Zero));
        var settings = teams.Settings;
        // The steps are driven here, on the fake clock; Quartz keeps to real time and stays out of it.
        settings["Jobs:Enabled"] = "false";
        await CycleRig.ApplyPlanAsync(settings, CycleRig.Plan());

        var app = teams.Host(clock);
        await using var _ = app;
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        var planId = await CycleRig.SeedReachableStaffAsync(database, connector.ServiceUrl, clock.GetUtcNow().UtcDateTime, 5);
        await app.StartAsync();

        var opened = (await StepAsync(app, l => l.OpenCycleAsync(planId, clock.GetUtcNow(), CancellationToken.None)))!;
        await WaitForAsync(teams, 5);
        Assert.Equal(Enumerable.Range(1, 5).Select(CycleRig.StaffConversation).Order(), connector.Deliveries.Select(d => d.ConversationId).Order());

        // One person answers; the other four are reminded, twice, two days apart.
        await using (var db = database.CreateContext())
        {
            await db.Invitations.Where(i => i.CycleId == opened.CycleId).OrderBy(i => i.PersonId).Take(1)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, InvitationState.Answered));
        }

        clock.Advance(opened.FirstReminderAt!.Value - clock.GetUtcNow());
        var next = await StepAsync(app, l => l.RemindAsync(opened.CycleId, CancellationToken.None));
        await WaitForAsync(teams, 9);
        clock.Advance(next!.Value - clock.GetUtcNow());
        var last = await StepAsync(app, l => l.RemindAsync(opened.CycleId, CancellationToken.None));
        await WaitForAsync(teams, 13);
        Assert.Null(last);
        var reminders = connector.Deliveries.Skip(5).ToList();
        Assert.Equal(8, reminders.Count);
        Assert.Equal(4, reminders.Select(d => d.ConversationId).Distinct().Count());
        Assert.All(reminders, d => Assert.Contains("reminder", d.Activity.ToJsonString(), StringComparison.OrdinalIgnoreCase));

        clock.Advance(opened.ClosesAt - clock.GetUtcNow());
        await StepAsync(app, async l => { await l.CloseCycleAsync(opened.CycleId, CancellationToken.None); return 0; });
        await WaitForAsync(teams, 14);

        var post = connector.Deliveries[^1];
        Assert.Equal("19:team-channel@thread.tacv2", post.ConversationId);
        Assert.Contains("Team pulse", post.Activity.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("/reviews/", post.Activity.ToJsonString(), StringComparison.Ordinal);
        await using var check = database.CreateContext();
        Assert.Equal(1, await check.Reviews.CountAsync());
        Assert.All(await check.Outbox.ToListAsync(), m => Assert.Equal(OutboxState.Sent, m.State));
    }

    private static async Task<T> StepAsync<T>(WebApplication app, Func<ICycleLifecycle, Task<T>> step)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await step(scope.ServiceProvider.GetRequiredService<ICycleLifecycle>());
    }

    private static Task WaitForAsync(FakeTeams teams, int deliveries) =>
        teams.WaitForDeliveriesAsync(deliveries, within: TimeSpan.FromSeconds(20), quiet: TimeSpan.FromMilliseconds(200));
}
