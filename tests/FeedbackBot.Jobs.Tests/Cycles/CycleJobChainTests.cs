using FeedbackBot.Data;
using FeedbackBot.Jobs.Cycles;
using FeedbackBot.Jobs.Tests.Scheduling;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Plans;

namespace FeedbackBot.Jobs.Tests.Cycles;

public sealed class CycleJobChainTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task OpenCycleJob_CycleOpened_SchedulesCloseAndFirstReminderAtReturnedTimes()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await database.CreateMigratedContextAsync();
        var planId = await StoredPlans.AddAsync(db, "pulse", "0 9 * * 1");
        var cycleId = Guid.NewGuid();
        var closesAt = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).AddDays(5);
        var remindAt = closesAt.AddDays(-3);
        var lifecycle = new RecordingLifecycle { OnOpen = (_, _) => new OpenedCycle(cycleId, closesAt, remindAt) };
        await using var harness = await SchedulerHarness.CreateAsync(database, lifecycle);
        await harness.Sync.SyncAsync(harness.Scheduler, CancellationToken.None);
        await harness.Scheduler.Start();

        await harness.Scheduler.TriggerJob(JobKeys.OpenCycle(planId));

        var calls = await lifecycle.WaitForAsync(c => c.Any(x => x.Method == "OpenCycleAsync"), Bound, "the cycle to open");
        Assert.Equal(planId, calls.Single(c => c.Method == "OpenCycleAsync").Id);
        var close = await Eventually.ThatAsync(
            async () => await harness.Scheduler.GetTrigger(JobKeys.TriggerOf(JobKeys.CloseCycle(cycleId))), t => t is not null, "the close to be scheduled", Bound);
        Assert.Equal(closesAt, close!.NextFireTimeUtc);
        var reminder = await Eventually.ThatAsync(
            async () => await harness.Scheduler.GetTrigger(JobKeys.ReminderTrigger(cycleId, remindAt)), t => t is not null, "the reminder to be scheduled", Bound);
        Assert.Equal(remindAt, reminder?.NextFireTimeUtc);
        Assert.Equal(JobKeys.Remind(cycleId), reminder?.JobKey);
    }

    [Fact]
    public async Task RemindJob_NextReminderReturnedThenNone_RemindsTwiceThenCloses()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await database.CreateMigratedContextAsync();
        var planId = await StoredPlans.AddAsync(db, "pulse", "0 9 * * 1");
        var cycleId = Guid.NewGuid();
        var lifecycle = new RecordingLifecycle
        {
            OnOpen = (_, _) => new OpenedCycle(cycleId, DateTimeOffset.UtcNow.AddSeconds(4), DateTimeOffset.UtcNow.AddSeconds(1)),
            OnRemind = (_, before) => before == 0 ? DateTimeOffset.UtcNow.AddSeconds(1) : null,
        };
        await using var harness = await SchedulerHarness.CreateAsync(database, lifecycle);
        await harness.Sync.SyncAsync(harness.Scheduler, CancellationToken.None);
        await harness.Scheduler.Start();

        await harness.Scheduler.TriggerJob(JobKeys.OpenCycle(planId));

        await lifecycle.WaitForAsync(c => c.Any(x => x.Method == "CloseCycleAsync"), Bound, "the cycle to close");
        await harness.Scheduler.Shutdown(waitForJobsToComplete: true);
        Assert.Equal(
            ["OpenCycleAsync", "RemindAsync", "RemindAsync", "CloseCycleAsync"],
            lifecycle.Calls.Where(c => c.Method != "PostWeeklySummariesAsync").Select(c => c.Method));
        Assert.All(lifecycle.Calls.Where(c => c.Method is "RemindAsync" or "CloseCycleAsync"), c => Assert.Equal(cycleId, c.Id));
    }

    [Fact]
    public async Task PlanSyncJob_OpenCycleWithoutItsClose_BooksCloseAndReminderAndLeavesBookedOnesAlone()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await database.CreateMigratedContextAsync();
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var orphan = new OpenedCycle(Guid.NewGuid(), now.AddDays(2), now.AddDays(1));
        var booked = new OpenedCycle(Guid.NewGuid(), now.AddDays(3), null);
        var lifecycle = new RecordingLifecycle { OnOpenCycles = () => [orphan, booked] };
        await using var harness = await SchedulerHarness.CreateAsync(database, lifecycle);
        await harness.Sync.SyncAsync(harness.Scheduler, CancellationToken.None);
        // Booked before, for another time: plan sync must not move it.
        await CycleJobScheduling.ScheduleCloseAsync(harness.Scheduler, booked.CycleId, now.AddDays(4), CancellationToken.None);
        await harness.Scheduler.Start();

        await harness.Scheduler.TriggerJob(JobKeys.PlanSync);

        var close = await Eventually.ThatAsync(
            async () => await harness.Scheduler.GetTrigger(JobKeys.TriggerOf(JobKeys.CloseCycle(orphan.CycleId))), t => t is not null, "the orphan's close to be booked", Bound);
        Assert.Equal(orphan.ClosesAt, close!.NextFireTimeUtc);
        // The reminder is booked just after the close.
        await Eventually.ThatAsync(
            async () => await harness.Scheduler.GetTrigger(JobKeys.ReminderTrigger(orphan.CycleId, orphan.FirstReminderAt!.Value)), t => t is not null, "the orphan's reminder to be booked", Bound);
        var kept = await harness.Scheduler.GetTrigger(JobKeys.TriggerOf(JobKeys.CloseCycle(booked.CycleId)));
        Assert.Equal(now.AddDays(4), kept!.NextFireTimeUtc);
    }

    [Fact]
    public async Task OpenCycleJob_NothingOpened_SchedulesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await database.CreateMigratedContextAsync();
        var planId = await StoredPlans.AddAsync(db, "pulse", "0 9 * * 1");
        var lifecycle = new RecordingLifecycle();
        await using var harness = await SchedulerHarness.CreateAsync(database, lifecycle);
        await harness.Sync.SyncAsync(harness.Scheduler, CancellationToken.None);
        await harness.Scheduler.Start();

        await harness.Scheduler.TriggerJob(JobKeys.OpenCycle(planId));
        var key = JobKeys.Format(JobKeys.OpenCycle(planId));
        var jobs = await Eventually.ThatAsync(
            () => harness.Overview.ListAsync(CancellationToken.None), j => j.Single(v => v.Key == key).LastRun is not null, "the open to finish", Bound);

        Assert.Equal("succeeded", jobs.Single(v => v.Key == key).LastRun!.Outcome);

        Assert.Empty(await harness.Scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(JobKeys.CloseCycleGroup)));
        Assert.Empty(await harness.Scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(JobKeys.RemindGroup)));
    }
}
