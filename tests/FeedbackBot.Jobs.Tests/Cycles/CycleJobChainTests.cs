using FeedbackBot.Data;
using FeedbackBot.Jobs.Cycles;
using FeedbackBot.Jobs.Scheduling;
using FeedbackBot.Jobs.Tests.Scheduling;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Plans;
using Hangfire;

namespace FeedbackBot.Jobs.Tests.Cycles;

public sealed class CycleJobChainTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task OpenCycleJob_CycleOpened_BooksCloseAndFirstReminderAtReturnedTimes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await SchedulerHarness.MigrateAsync(database);
        var planId = await StoredPlans.AddAsync(db, "pulse", "0 9 * * 1");
        var now = WholeSeconds(DateTimeOffset.UtcNow);
        var cycleId = await StoredCycles.AddAsync(db, planId, now);
        var closesAt = now.AddDays(5);
        var remindAt = closesAt.AddDays(-3);
        var lifecycle = new RecordingLifecycle { OnOpen = (_, _) => new OpenedCycle(cycleId, closesAt, remindAt, "pulse") };
        await using var harness = SchedulerHarness.Create(database, lifecycle);
        await harness.Sync.SyncAsync(CancellationToken.None);
        await harness.StartAsync();

        harness.Recurring.TriggerJob("pulse");

        var calls = await lifecycle.WaitForAsync(c => c.Any(x => x.Method == "OpenCycleAsync"), Bound, "the cycle to open");
        Assert.Equal(planId, calls.Single(c => c.Method == "OpenCycleAsync").Id);
        var booked = await Eventually.ThatAsync(
            () => Task.FromResult(harness.ScheduledJobs().Where(j => Equals(j.Job?.Args[0], cycleId)).ToList()), j => j.Count == 2, "the close and the reminder to be booked", Bound);
        Assert.Equal(closesAt.UtcDateTime, booked.Single(j => j.Job.Type == typeof(CloseCycleJob)).EnqueueAt);
        Assert.Equal(remindAt.UtcDateTime, booked.Single(j => j.Job.Type == typeof(RemindJob)).EnqueueAt);
        Assert.True(await StoredCycles.IsBookedAsync(db, cycleId));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task RemindJob_NextReminderReturnedThenNone_RemindsTwiceAndTheCloseRuns(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await SchedulerHarness.MigrateAsync(database);
        var planId = await StoredPlans.AddAsync(db, "pulse", "0 9 * * 1");
        var cycleId = await StoredCycles.AddAsync(db, planId, DateTimeOffset.UtcNow);
        var lifecycle = new RecordingLifecycle
        {
            OnOpen = (_, _) => new OpenedCycle(cycleId, DateTimeOffset.UtcNow.AddSeconds(6), DateTimeOffset.UtcNow.AddSeconds(1), "pulse"),
            OnRemind = (_, before) => before == 0 ? DateTimeOffset.UtcNow.AddSeconds(1) : null,
        };
        await using var harness = SchedulerHarness.Create(database, lifecycle);
        await harness.Sync.SyncAsync(CancellationToken.None);
        await harness.StartAsync();

        harness.Recurring.TriggerJob("pulse");

        await Eventually.ThatAsync(
            () => harness.SucceededJobs<RemindJob>().Count == 2 && harness.SucceededJobs<CloseCycleJob>().Count == 1,
            "two reminders and the close to succeed",
            Bound);
        var calls = lifecycle.Calls.Where(c => c.Method != "PostWeeklySummariesAsync").ToList();
        Assert.Equal("OpenCycleAsync", calls[0].Method);
        Assert.Equal(
            ["CloseCycleAsync", "RemindAsync", "RemindAsync"],
            calls.Skip(1).Select(c => c.Method).Order(StringComparer.Ordinal));
        Assert.All(calls.Skip(1), c => Assert.Equal(cycleId, c.Id));
        // The second reminder said none remain: nothing is left booked for the cycle.
        Assert.Null(calls.Where(c => c.Method == "RemindAsync").Last().At);
        Assert.DoesNotContain(harness.ScheduledJobs(), j => Equals(j.Job?.Args[0], cycleId));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task BookAsync_SameCycleTwiceAtOnce_BooksItsStepsOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await SchedulerHarness.MigrateAsync(database);
        var planId = await StoredPlans.AddAsync(db, "pulse", "0 9 * * 1");
        var now = WholeSeconds(DateTimeOffset.UtcNow);
        var cycleId = await StoredCycles.AddAsync(db, planId, now);
        var opened = new OpenedCycle(cycleId, now.AddDays(5), now.AddDays(2), "pulse");
        await using var harness = SchedulerHarness.Create(database, new RecordingLifecycle(), SchedulerRole.Standby);

        var booked = await Task.WhenAll(
            harness.Steps.BookAsync(opened, CancellationToken.None),
            harness.Steps.BookAsync(opened, CancellationToken.None));
        var again = await harness.Steps.BookAsync(opened, CancellationToken.None);

        Assert.Equal([false, true], booked.Order());
        Assert.False(again);
        Assert.Equal(
            [nameof(CloseCycleJob), nameof(RemindJob)],
            harness.ScheduledJobs().Where(j => Equals(j.Job?.Args[0], cycleId)).Select(j => j.Job.Type.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task OpenCycleJob_NothingOpened_BooksNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await SchedulerHarness.MigrateAsync(database);
        var planId = await StoredPlans.AddAsync(db, "pulse", "0 9 * * 1");
        var lifecycle = new RecordingLifecycle();
        await using var harness = SchedulerHarness.Create(database, lifecycle);
        await harness.Sync.SyncAsync(CancellationToken.None);
        await harness.StartAsync();

        harness.Recurring.TriggerJob("pulse");

        var jobs = await Eventually.ThatAsync(
            () => harness.Overview.ListAsync(CancellationToken.None), j => j.Single(v => v.Key == "pulse").LastRun?.Outcome is "succeeded" or "failed", "the open to finish", Bound);
        Assert.Equal("succeeded", jobs.Single(v => v.Key == "pulse").LastRun!.Outcome);
        Assert.Equal(planId, Assert.Single(lifecycle.Calls, c => c.Method == "OpenCycleAsync").Id);
        Assert.Empty(harness.ScheduledJobs());
        Assert.DoesNotContain(jobs, v => v.Key.StartsWith('#'));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task PlanSyncJob_OpenCycleNotBooked_BooksItsStepsAndLeavesBookedOnesAlone(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await SchedulerHarness.MigrateAsync(database);
        var planId = await StoredPlans.AddAsync(db, "pulse", cron: null);
        var now = WholeSeconds(DateTimeOffset.UtcNow);
        var orphanId = await StoredCycles.AddAsync(db, planId, now.AddDays(-1));
        var bookedId = await StoredCycles.AddAsync(db, planId, now.AddDays(-2), bookedAt: now.AddDays(-2));
        var orphan = new OpenedCycle(orphanId, now.AddDays(2), now.AddDays(1), "pulse");
        var booked = new OpenedCycle(bookedId, now.AddDays(3), null, "pulse", StepsBooked: true);
        var lifecycle = new RecordingLifecycle { OnOpenCycles = () => [orphan, booked] };
        await using var harness = SchedulerHarness.Create(database, lifecycle);
        await harness.Sync.SyncAsync(CancellationToken.None);
        // Booked before, for another time: the plan sync must not book it again.
        harness.Jobs.Schedule<CloseCycleJob>(job => job.RunAsync(bookedId, "pulse", CancellationToken.None), now.AddDays(4));
        await harness.StartAsync();

        harness.Recurring.TriggerJob(JobIds.PlanSync);

        await Eventually.ThatAsync(
            () => harness.Overview.ListAsync(CancellationToken.None),
            j => j.Single(v => v.Key == JobIds.PlanSync).LastRun?.Outcome == "succeeded",
            "the plan sync to run",
            Bound);
        var scheduled = harness.ScheduledJobs();
        var orphanSteps = scheduled.Where(j => Equals(j.Job?.Args[0], orphanId)).ToList();
        Assert.Equal(orphan.ClosesAt.UtcDateTime, orphanSteps.Single(j => j.Job.Type == typeof(CloseCycleJob)).EnqueueAt);
        Assert.Equal(orphan.FirstReminderAt!.Value.UtcDateTime, orphanSteps.Single(j => j.Job.Type == typeof(RemindJob)).EnqueueAt);
        Assert.Equal(now.AddDays(4).UtcDateTime, Assert.Single(scheduled, j => Equals(j.Job?.Args[0], bookedId)).EnqueueAt);
        Assert.DoesNotContain(lifecycle.Calls, c => c.Method == "CloseCycleAsync");
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task PlanSyncJob_BookedCycleOpenLongPastItsClose_ClosesIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (lostId, now) = await AddLostCycleAsync(database);
        var lost = new OpenedCycle(lostId, now - PlanSyncJob.LostCloseGrace - TimeSpan.FromMinutes(1), null, "pulse", StepsBooked: true);
        var lifecycle = new RecordingLifecycle { OnOpenCycles = () => [lost] };
        await using var harness = SchedulerHarness.Create(database, lifecycle);
        await harness.Sync.SyncAsync(CancellationToken.None);
        await harness.StartAsync();

        harness.Recurring.TriggerJob(JobIds.PlanSync);

        var calls = await lifecycle.WaitForAsync(c => c.Any(x => x.Method == "CloseCycleAsync"), Bound, "the lost close to run");
        Assert.Equal(lostId, calls.First(c => c.Method == "CloseCycleAsync").Id);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task CloseNowAsync_SameLostCycleTwiceWithinTheHour_QueuesOneClose(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (lostId, now) = await AddLostCycleAsync(database);
        var lost = new OpenedCycle(lostId, now.AddDays(-2), null, "pulse", StepsBooked: true);
        await using var harness = SchedulerHarness.Create(database, new RecordingLifecycle());

        var first = await harness.Steps.CloseNowAsync(lost, CancellationToken.None);
        var second = await harness.Steps.CloseNowAsync(lost, CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(1, harness.Storage.GetMonitoringApi().EnqueuedCount("default"));
    }

    /// <summary>A cycle opened and booked a week ago and still open: its booked close was lost.</summary>
    private static async Task<(Guid CycleId, DateTimeOffset Now)> AddLostCycleAsync(TestDatabase database)
    {
        await using var db = await SchedulerHarness.MigrateAsync(database);
        var planId = await StoredPlans.AddAsync(db, "pulse", cron: null);
        var now = DateTimeOffset.UtcNow;
        return (await StoredCycles.AddAsync(db, planId, now.AddDays(-7), bookedAt: now.AddDays(-7)), now);
    }

    private static DateTimeOffset WholeSeconds(DateTimeOffset at) => DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds());
}
