using FeedbackBot.Data;
using FeedbackBot.Jobs.Scheduling;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Plans;

namespace FeedbackBot.Jobs.Tests.Scheduling;

public sealed class MisfireTests
{
    [Fact]
    public async Task Start_CyclesMissedWhileDown_OpensOnceThenWaitsForTheNextOccurrence()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await database.CreateMigratedContextAsync();
        // Hourly, half an hour away from now, so no regular occurrence falls inside the test.
        var minute = (DateTimeOffset.UtcNow.Minute + 30) % 60;
        var planId = await StoredPlans.AddAsync(db, "pulse", $"{minute} * * * *");
        var lifecycle = new RecordingLifecycle();

        // The trigger was stored three hours ago, and nothing ran since: three occurrences were missed.
        var downSince = DateTimeOffset.UtcNow.AddHours(-3);
        await using (var before = await SchedulerHarness.CreateAsync(database, lifecycle, SchedulerRole.Standby, new ManualClock(downSince)))
        {
            await before.Sync.SyncAsync(before.Scheduler, CancellationToken.None);
            var stored = await before.Scheduler.GetTrigger(JobKeys.TriggerOf(JobKeys.OpenCycle(planId)));
            Assert.True(stored!.NextFireTimeUtc < DateTimeOffset.UtcNow.AddHours(-1));
        }

        var restartedAt = DateTimeOffset.UtcNow;
        await using var after = await SchedulerHarness.CreateAsync(database, lifecycle);
        await after.Scheduler.Start();
        await lifecycle.WaitForAsync(c => c.Any(x => x.Method == "OpenCycleAsync"), TimeSpan.FromSeconds(15), "the missed cycle to open");
        var trigger = await after.Scheduler.GetTrigger(JobKeys.TriggerOf(JobKeys.OpenCycle(planId)));
        await after.Scheduler.Shutdown(waitForJobsToComplete: true);

        Assert.Single(lifecycle.Calls, c => c.Method == "OpenCycleAsync");
        Assert.True(trigger!.NextFireTimeUtc > restartedAt, $"next fire {trigger.NextFireTimeUtc:O} should follow the restart at {restartedAt:O}");
    }

    [Fact]
    public async Task Start_OneShotMissedWhileDown_FiresOnStart()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await database.CreateMigratedContextAsync();
        var cycleId = Guid.NewGuid();
        var lifecycle = new RecordingLifecycle();
        await using (var before = await SchedulerHarness.CreateAsync(database, lifecycle, SchedulerRole.Standby))
        {
            await CycleJobScheduling.ScheduleCloseAsync(before.Scheduler, cycleId, DateTimeOffset.UtcNow.AddHours(-2), CancellationToken.None);
        }

        await using var after = await SchedulerHarness.CreateAsync(database, lifecycle);
        await after.Scheduler.Start();

        var calls = await lifecycle.WaitForAsync(c => c.Any(x => x.Method == "CloseCycleAsync"), TimeSpan.FromSeconds(15), "the missed close");
        Assert.Equal(cycleId, calls.Single(c => c.Method == "CloseCycleAsync").Id);
    }
}
