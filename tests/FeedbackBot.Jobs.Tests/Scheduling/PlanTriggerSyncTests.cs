using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Jobs.Scheduling;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Plans;

namespace FeedbackBot.Jobs.Tests.Scheduling;

public sealed class PlanTriggerSyncTests
{
    // A Wednesday; the tests' plans run on Mondays.
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SyncAsync_ActivePlanWithSchedule_AddsTriggerFiringAtPlanLocalTime()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await database.CreateMigratedContextAsync();
        var planId = await StoredPlans.AddAsync(db, "pulse", "0 9 * * 1", "America/New_York");
        await using var harness = await SchedulerHarness.CreateAsync(database, new RecordingLifecycle(), SchedulerRole.Standby, new ManualClock(Now));

        var changes = await harness.Sync.SyncAsync(harness.Scheduler, CancellationToken.None);

        Assert.Equal(1, changes.Added);
        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await harness.Scheduler.GetTrigger(JobKeys.TriggerOf(JobKeys.OpenCycle(planId))));
        Assert.Equal("America/New_York", trigger.TimeZone.Id);
        // Monday 30 November, 09:00 in New York (EST, UTC-5).
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 14, 0, 0, TimeSpan.Zero), trigger.NextFireTimeUtc);
        Assert.Equal(TriggerState.Normal, await harness.Scheduler.GetTriggerState(trigger.Key));
    }

    [Fact]
    public async Task SyncAsync_SummerTimeZone_NextFireTimeMatchesThePlansOwnCron()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await database.CreateMigratedContextAsync();
        var planId = await StoredPlans.AddAsync(db, "pulse", "30 10 1,15 * *", "Europe/London");
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 20, 0, 0, 0, TimeSpan.Zero));
        await using var harness = await SchedulerHarness.CreateAsync(database, new RecordingLifecycle(), SchedulerRole.Standby, clock);

        await harness.Sync.SyncAsync(harness.Scheduler, CancellationToken.None);

        var trigger = await harness.Scheduler.GetTrigger(JobKeys.TriggerOf(JobKeys.OpenCycle(planId)));
        Assert.True(Core.Plans.CronSchedule.TryParse("30 10 1,15 * *", out var cron, out _));
        var expected = cron!.GetNextOccurrence(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        // 1 April, after the clocks went forward: 10:30 BST is 09:30 UTC.
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 9, 30, 0, TimeSpan.Zero), expected);
        Assert.Equal(expected, trigger!.NextFireTimeUtc);
    }

    [Fact]
    public async Task SyncAsync_PlanPausedThenResumed_PausesThenReactivatesTrigger()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await database.CreateMigratedContextAsync();
        var planId = await StoredPlans.AddAsync(db, "pulse", "0 9 * * 1");
        await using var harness = await SchedulerHarness.CreateAsync(database, new RecordingLifecycle(), SchedulerRole.Standby, new ManualClock(Now));
        var key = JobKeys.TriggerOf(JobKeys.OpenCycle(planId));
        await harness.Sync.SyncAsync(harness.Scheduler, CancellationToken.None);

        await StoredPlans.SetStateAsync(db, planId, PlanState.Paused);
        var paused = await harness.Sync.SyncAsync(harness.Scheduler, CancellationToken.None);
        Assert.Equal(1, paused.Paused);
        Assert.Equal(TriggerState.Paused, await harness.Scheduler.GetTriggerState(key));
        Assert.Equal(PauseRequesters.Plan, (await harness.Scheduler.GetTriggerPause(key))?.RequestedBy);

        await StoredPlans.SetStateAsync(db, planId, PlanState.Active);
        var resumed = await harness.Sync.SyncAsync(harness.Scheduler, CancellationToken.None);
        Assert.Equal(1, resumed.Resumed);
        Assert.Equal(TriggerState.Normal, await harness.Scheduler.GetTriggerState(key));
    }

    [Fact]
    public async Task SyncAsync_PlanAddedWhilePaused_GetsPausedTrigger()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await database.CreateMigratedContextAsync();
        var planId = await StoredPlans.AddAsync(db, "pulse", "0 9 * * 1", state: PlanState.Paused);
        await using var harness = await SchedulerHarness.CreateAsync(database, new RecordingLifecycle(), SchedulerRole.Standby, new ManualClock(Now));

        await harness.Sync.SyncAsync(harness.Scheduler, CancellationToken.None);

        Assert.Equal(TriggerState.Paused, await harness.Scheduler.GetTriggerState(JobKeys.TriggerOf(JobKeys.OpenCycle(planId))));
    }

    [Fact]
    public async Task SyncAsync_PlanRemovedOrUnscheduled_DeletesItsJob()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await database.CreateMigratedContextAsync();
        var removed = await StoredPlans.AddAsync(db, "removed", "0 9 * * 1");
        var unscheduled = await StoredPlans.AddAsync(db, "unscheduled", "0 9 * * 1");
        var kept = await StoredPlans.AddAsync(db, "kept", "0 9 * * 1");
        await using var harness = await SchedulerHarness.CreateAsync(database, new RecordingLifecycle(), SchedulerRole.Standby, new ManualClock(Now));
        await harness.Sync.SyncAsync(harness.Scheduler, CancellationToken.None);

        await StoredPlans.RemoveAsync(db, removed);
        await StoredPlans.RescheduleAsync(db, unscheduled, cron: null, "UTC");
        var changes = await harness.Sync.SyncAsync(harness.Scheduler, CancellationToken.None);

        Assert.Equal(2, changes.Removed);
        Assert.False(await harness.Scheduler.Exists(JobKeys.OpenCycle(removed)));
        Assert.False(await harness.Scheduler.Exists(JobKeys.OpenCycle(unscheduled)));
        Assert.True(await harness.Scheduler.Exists(JobKeys.OpenCycle(kept)));
    }

    [Fact]
    public async Task SyncAsync_CronAndZoneChanged_ReplacesTriggerWithNewNextFireTime()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await database.CreateMigratedContextAsync();
        var planId = await StoredPlans.AddAsync(db, "pulse", "0 9 * * 1");
        await using var harness = await SchedulerHarness.CreateAsync(database, new RecordingLifecycle(), SchedulerRole.Standby, new ManualClock(Now));
        await harness.Sync.SyncAsync(harness.Scheduler, CancellationToken.None);

        await StoredPlans.RescheduleAsync(db, planId, "0 18 * * 5", "Asia/Tokyo");
        var changes = await harness.Sync.SyncAsync(harness.Scheduler, CancellationToken.None);

        Assert.Equal(1, changes.Replaced);
        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await harness.Scheduler.GetTrigger(JobKeys.TriggerOf(JobKeys.OpenCycle(planId))));
        Assert.Equal("Asia/Tokyo", trigger.TimeZone.Id);
        // Friday 27 November, 18:00 in Tokyo (UTC+9).
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero), trigger.NextFireTimeUtc);
    }

    [Fact]
    public async Task SyncAsync_NothingChanged_ChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await database.CreateMigratedContextAsync();
        await StoredPlans.AddAsync(db, "pulse", "0 9 * * 1");
        await StoredPlans.AddAsync(db, "paused", "0 9 * * 1", state: PlanState.Paused);
        await StoredPlans.AddAsync(db, "by-hand", cron: null);
        await using var harness = await SchedulerHarness.CreateAsync(database, new RecordingLifecycle(), SchedulerRole.Standby, new ManualClock(Now));
        var first = await harness.Sync.SyncAsync(harness.Scheduler, CancellationToken.None);

        var second = await harness.Sync.SyncAsync(harness.Scheduler, CancellationToken.None);

        Assert.Equal(2, first.Added);
        Assert.False(second.Any, second.ToString());
    }

    [Fact]
    public async Task SyncAsync_TriggerPausedByOperator_StaysPaused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await database.CreateMigratedContextAsync();
        var planId = await StoredPlans.AddAsync(db, "pulse", "0 9 * * 1");
        await using var harness = await SchedulerHarness.CreateAsync(database, new RecordingLifecycle(), SchedulerRole.Standby, new ManualClock(Now));
        await harness.Sync.SyncAsync(harness.Scheduler, CancellationToken.None);

        Assert.Equal(JobActionResult.Done, await harness.Overview.PauseAsync(JobKeys.Format(JobKeys.OpenCycle(planId)), CancellationToken.None));
        await StoredPlans.RescheduleAsync(db, planId, "0 10 * * 2", "UTC");
        await harness.Sync.SyncAsync(harness.Scheduler, CancellationToken.None);

        var key = JobKeys.TriggerOf(JobKeys.OpenCycle(planId));
        Assert.Equal(TriggerState.Paused, await harness.Scheduler.GetTriggerState(key));
        Assert.Equal(PauseRequesters.Operator, (await harness.Scheduler.GetTriggerPause(key))?.RequestedBy);
    }
}
