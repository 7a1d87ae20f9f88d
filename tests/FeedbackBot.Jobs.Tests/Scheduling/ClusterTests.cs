using FeedbackBot.Data;
using FeedbackBot.Jobs.Scheduling;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Plans;

namespace FeedbackBot.Jobs.Tests.Scheduling;

public sealed class ClusterTests
{
    [Fact]
    public async Task TwoInstancesOnOnePostgres_StartingTogetherOnAnEmptyDatabase_FireAOneShotJobOnce()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await (await database.CreateMigratedContextAsync()).DisposeAsync();
        var lifecycle = new RecordingLifecycle();

        // Both create Quartz's tables at once, as two replicas deployed together do.
        var created = await Task.WhenAll(
            SchedulerHarness.CreateAsync(database, lifecycle),
            SchedulerHarness.CreateAsync(database, lifecycle));
        await using var first = created[0];
        await using var second = created[1];
        await Task.WhenAll(first.Scheduler.Start().AsTask(), second.Scheduler.Start().AsTask());
        Assert.NotEqual(first.Scheduler.SchedulerInstanceId, second.Scheduler.SchedulerInstanceId);

        var cycleId = Guid.NewGuid();
        await CycleJobScheduling.ScheduleCloseAsync(first.Scheduler, cycleId, DateTimeOffset.UtcNow.AddSeconds(2), CancellationToken.None);
        await lifecycle.WaitForAsync(c => c.Any(x => x.Id == cycleId), TimeSpan.FromSeconds(20), "one instance to close the cycle");
        await Eventually.ThatAsync(
            async () => await first.Scheduler.Exists(JobKeys.CloseCycle(cycleId)), exists => !exists, "the one-shot job to complete", TimeSpan.FromSeconds(10));
        await Task.WhenAll(first.Scheduler.Shutdown(true).AsTask(), second.Scheduler.Shutdown(true).AsTask());

        Assert.Single(lifecycle.Calls, c => c.Id == cycleId);
    }

    [Fact]
    public async Task TwoInstancesOnOnePostgres_CycleMissedWhileBothWereDown_OpensItOnce()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var db = await database.CreateMigratedContextAsync();
        var minute = (DateTimeOffset.UtcNow.Minute + 30) % 60;
        var planId = await StoredPlans.AddAsync(db, "pulse", $"{minute} * * * *");
        var lifecycle = new RecordingLifecycle();
        await using (var before = await SchedulerHarness.CreateAsync(database, lifecycle, SchedulerRole.Standby, new ManualClock(DateTimeOffset.UtcNow.AddHours(-3))))
        {
            await before.Sync.SyncAsync(before.Scheduler, CancellationToken.None);
        }

        await using var first = await SchedulerHarness.CreateAsync(database, lifecycle);
        await using var second = await SchedulerHarness.CreateAsync(database, lifecycle);
        await Task.WhenAll(first.Scheduler.Start().AsTask(), second.Scheduler.Start().AsTask());
        await lifecycle.WaitForAsync(c => c.Any(x => x.Method == "OpenCycleAsync"), TimeSpan.FromSeconds(20), "the missed cycle to open");
        await Eventually.ThatAsync(
            async () => (await first.Scheduler.GetTrigger(JobKeys.TriggerOf(JobKeys.OpenCycle(planId))))!.NextFireTimeUtc,
            next => next > DateTimeOffset.UtcNow,
            "the trigger to move on to its next occurrence",
            TimeSpan.FromSeconds(10));
        await Task.WhenAll(first.Scheduler.Shutdown(true).AsTask(), second.Scheduler.Shutdown(true).AsTask());

        Assert.Single(lifecycle.Calls, c => c.Method == "OpenCycleAsync" && c.Id == planId);
    }
}
