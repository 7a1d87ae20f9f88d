using FeedbackBot.Data;
using FeedbackBot.Jobs.Scheduling;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Plans;

namespace FeedbackBot.Jobs.Tests.Scheduling;

public sealed class SchedulerOverviewTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task ListAsync_PlanScheduled_ShowsItsCronZoneAndNextFireTime()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await database.CreateMigratedContextAsync();
        var planId = await StoredPlans.AddAsync(db, "pulse", "0 9 * * 1", "Europe/Berlin");
        await using var harness = await SchedulerHarness.CreateAsync(database, new RecordingLifecycle(), SchedulerRole.Standby,
            new ManualClock(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero)));
        await harness.Sync.SyncAsync(harness.Scheduler, CancellationToken.None);

        var jobs = await harness.Overview.ListAsync(CancellationToken.None);

        var job = Assert.Single(jobs);
        Assert.Equal($"open-cycle.{planId}", job.Key);
        Assert.Equal("Open a cycle of plan pulse of Local", job.Description);
        Assert.Equal("normal", job.State);
        Assert.Equal("0 9 * * 1", job.Schedule);
        Assert.Equal("Europe/Berlin", job.TimeZone);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero), job.NextFireTime);
        Assert.Null(job.PreviousFireTime);
        Assert.False(job.Running);
        Assert.Null(job.LastRun);
    }

    [Fact]
    public async Task ListAsync_HostScheduler_ShowsTheSystemJobsFirst()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await (await database.CreateMigratedContextAsync()).DisposeAsync();
        await using var harness = await SchedulerHarness.CreateAsync(database, new RecordingLifecycle(), settings: new Dictionary<string, string?>
        {
            ["Jobs:WeeklySummaryCron"] = "30 8 * * 5",
            ["Jobs:TimeZone"] = "Europe/Paris",
        });

        var jobs = await harness.Overview.ListAsync(CancellationToken.None);

        Assert.Equal(["system.plan-sync", "system.weekly-summary"], jobs.Select(j => j.Key).Order(StringComparer.Ordinal));
        var weekly = jobs.Single(j => j.Key == "system.weekly-summary");
        Assert.Equal("30 8 * * 5", weekly.Schedule);
        Assert.Equal("Europe/Paris", weekly.TimeZone);
    }

    [Fact]
    public async Task ListAsync_JobFailed_ShowsFailureAndItsMessage()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await database.CreateMigratedContextAsync();
        var planId = await StoredPlans.AddAsync(db, "pulse", "0 9 * * 1");
        var lifecycle = new RecordingLifecycle { OnOpen = (_, _) => throw new InvalidOperationException("the sample is empty") };
        await using var harness = await SchedulerHarness.CreateAsync(database, lifecycle);
        await harness.Sync.SyncAsync(harness.Scheduler, CancellationToken.None);
        await harness.Scheduler.Start();
        var key = JobKeys.Format(JobKeys.OpenCycle(planId));

        Assert.Equal(JobActionResult.Done, await harness.Overview.TriggerAsync(key, CancellationToken.None));

        var jobs = await Eventually.ThatAsync(
            () => harness.Overview.ListAsync(CancellationToken.None), j => j.Single(v => v.Key == key).LastRun is not null, "the run to be recorded", Bound);
        var run = jobs.Single(v => v.Key == key).LastRun!;
        Assert.Equal("failed", run.Outcome);
        Assert.Contains("the sample is empty", run.Error, StringComparison.Ordinal);
        Assert.True(run.EndedAt >= run.StartedAt);
        Assert.Equal(harness.Scheduler.SchedulerInstanceId, run.Instance);
    }

    [Fact]
    public async Task PauseAsyncThenResumeAsync_Job_ChangesItsState()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await database.CreateMigratedContextAsync();
        var planId = await StoredPlans.AddAsync(db, "pulse", "0 9 * * 1");
        await using var harness = await SchedulerHarness.CreateAsync(database, new RecordingLifecycle(), SchedulerRole.Standby);
        await harness.Sync.SyncAsync(harness.Scheduler, CancellationToken.None);
        var key = JobKeys.Format(JobKeys.OpenCycle(planId));

        await harness.Overview.PauseAsync(key, CancellationToken.None);
        var paused = (await harness.Overview.ListAsync(CancellationToken.None)).Single();
        await harness.Overview.ResumeAsync(key, CancellationToken.None);
        var resumed = (await harness.Overview.ListAsync(CancellationToken.None)).Single();

        Assert.Equal(("paused", PauseRequesters.Operator), (paused.State, paused.PausedBy));
        Assert.Equal(("normal", (string?)null), (resumed.State, resumed.PausedBy));
    }

    [Theory]
    [InlineData("open-cycle.00000000-0000-0000-0000-000000000001")]
    [InlineData("no-dot")]
    [InlineData("")]
    public async Task TriggerAsync_UnknownKey_ReportsNotFound(string key)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await (await database.CreateMigratedContextAsync()).DisposeAsync();
        await using var harness = await SchedulerHarness.CreateAsync(database, new RecordingLifecycle(), SchedulerRole.Standby);

        Assert.Equal(JobActionResult.NotFound, await harness.Overview.TriggerAsync(key, CancellationToken.None));
        Assert.Equal(JobActionResult.NotFound, await harness.Overview.PauseAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_JobRunning_ShowsTheInstanceRunningIt()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await (await database.CreateMigratedContextAsync()).DisposeAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lifecycle = new RecordingLifecycle { CloseGate = release.Task };
        await using var harness = await SchedulerHarness.CreateAsync(database, lifecycle);
        await harness.Scheduler.Start();
        var cycleId = Guid.NewGuid();
        await CycleJobScheduling.ScheduleCloseAsync(harness.Scheduler, cycleId, DateTimeOffset.UtcNow, CancellationToken.None);
        await lifecycle.WaitForAsync(c => c.Any(x => x.Id == cycleId), Bound, "the close to start");

        var jobs = await harness.Overview.ListAsync(CancellationToken.None);
        release.SetResult();

        var running = jobs.Single(j => j.Key == $"close-cycle.{cycleId}");
        Assert.Equal([harness.Scheduler.SchedulerInstanceId], running.RunningOn);
    }
}
