using FeedbackBot.Data;
using FeedbackBot.Jobs.Cycles;
using FeedbackBot.Jobs.Scheduling;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Plans;
using Hangfire;

namespace FeedbackBot.Jobs.Tests.Scheduling;

public sealed class SchedulerOverviewTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    public static TheoryData<DatabaseProvider, string> UnknownKeys { get; } = new()
    {
        { DatabaseProvider.Sqlite, "no-such-plan" },
        { DatabaseProvider.Sqlite, "#999999" },
        { DatabaseProvider.Sqlite, "" },
        { DatabaseProvider.Postgres, "no-such-plan" },
        { DatabaseProvider.Postgres, "#999999" },
        { DatabaseProvider.Postgres, "" },
    };

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ListAsync_PlanScheduled_ShowsItByKeyWithCronZoneAndNextFireTime(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await SchedulerHarness.MigrateAsync(database);
        await StoredPlans.AddAsync(db, "pulse", "0 9 * * 1", "Europe/Berlin");
        await using var harness = SchedulerHarness.Create(database, new RecordingLifecycle(), SchedulerRole.Standby,
            recurringNow: new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        await harness.Sync.SyncAsync(CancellationToken.None);

        var jobs = await harness.Overview.ListAsync(CancellationToken.None);

        var job = jobs.Single(j => j.Key == "pulse");
        Assert.Equal("Open a cycle of plan pulse of Local", job.Description);
        Assert.Equal("scheduled", job.State);
        Assert.Equal("0 9 * * 1", job.Schedule);
        Assert.Equal("Europe/Berlin", job.TimeZone);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero), job.NextFireTime);
        Assert.Null(job.PreviousFireTime);
        Assert.False(job.Running);
        Assert.Null(job.LastRun);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ListAsync_SystemPlanAndOneOffJobs_ListsSystemJobsFirstThenPlansThenOneOffs(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await SchedulerHarness.MigrateAsync(database);
        await StoredPlans.AddAsync(db, "pulse", "0 9 * * 1");
        await using var harness = SchedulerHarness.Create(database, new RecordingLifecycle(), SchedulerRole.Standby, settings: new Dictionary<string, string?>
        {
            ["Jobs:WeeklySummaryCron"] = "30 8 * * 5",
            ["Jobs:TimeZone"] = "Europe/Paris",
        });
        await harness.Sync.SyncAsync(CancellationToken.None);
        var cycleId = Guid.NewGuid();
        var closesAt = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds());
        var id = harness.Jobs.Schedule<CloseCycleJob>(job => job.RunAsync(cycleId, "pulse", CancellationToken.None), closesAt);

        var jobs = await harness.Overview.ListAsync(CancellationToken.None);

        Assert.Equal([JobIds.ActionReminders, JobIds.CoachingReminders, JobIds.PeopleSync, JobIds.PlanSync, JobIds.QaRetention, JobIds.ResponseRetention, JobIds.WeeklySummary, "pulse", $"#{id}"], jobs.Select(j => j.Key));
        var weekly = jobs.Single(j => j.Key == JobIds.WeeklySummary);
        Assert.Equal(("30 8 * * 5", "Europe/Paris"), (weekly.Schedule, weekly.TimeZone));
        var close = jobs.Single(j => j.Key == $"#{id}");
        Assert.Equal(("pulse: close the cycle and post its review", "scheduled", "once"), (close.Description, close.State, close.Schedule));
        Assert.Equal(closesAt, close.NextFireTime);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ListAsync_JobFailed_ShowsFailureAndItsMessage(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await (await SchedulerHarness.MigrateAsync(database)).DisposeAsync();
        var lifecycle = new RecordingLifecycle { OnOpenCycles = () => throw new InvalidOperationException("the database is read-only") };
        await using var harness = SchedulerHarness.Create(database, lifecycle);
        await harness.Sync.SyncAsync(CancellationToken.None);
        await harness.StartAsync();

        Assert.Equal(JobActionResult.Done, await harness.Overview.TriggerAsync(JobIds.PlanSync, CancellationToken.None));

        var jobs = await Eventually.ThatAsync(
            () => harness.Overview.ListAsync(CancellationToken.None),
            j => j.Single(v => v.Key == JobIds.PlanSync).LastRun?.Outcome is "failed" or "succeeded",
            "the run to be recorded",
            Bound);
        var run = jobs.Single(v => v.Key == JobIds.PlanSync).LastRun!;
        Assert.Equal("failed", run.Outcome);
        Assert.Contains("the database is read-only", run.Error, StringComparison.Ordinal);
        Assert.True(run.EndedAt >= run.StartedAt);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task PauseAsyncThenResumeAsync_PlanJob_ChangesItsState(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await SchedulerHarness.MigrateAsync(database);
        await StoredPlans.AddAsync(db, "pulse", "0 9 * * 1");
        await using var harness = SchedulerHarness.Create(database, new RecordingLifecycle(), SchedulerRole.Standby);
        await harness.Sync.SyncAsync(CancellationToken.None);

        var pausing = await harness.Overview.PauseAsync("pulse", CancellationToken.None);
        var paused = (await harness.Overview.ListAsync(CancellationToken.None)).Single(j => j.Key == "pulse");
        var resuming = await harness.Overview.ResumeAsync("pulse", CancellationToken.None);
        var resumed = (await harness.Overview.ListAsync(CancellationToken.None)).Single(j => j.Key == "pulse");

        Assert.Equal((JobActionResult.Done, JobActionResult.Done), (pausing, resuming));
        Assert.Equal(("paused", PauseRequesters.Operator, (DateTimeOffset?)null), (paused.State, paused.PausedBy, paused.NextFireTime));
        Assert.Equal(("scheduled", (string?)null), (resumed.State, resumed.PausedBy));
        Assert.NotNull(resumed.NextFireTime);
    }

    [Theory]
    [MemberData(nameof(UnknownKeys))]
    public async Task TriggerAsync_UnknownKey_ReportsNotFound(DatabaseProvider provider, string key)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await (await SchedulerHarness.MigrateAsync(database)).DisposeAsync();
        await using var harness = SchedulerHarness.Create(database, new RecordingLifecycle(), SchedulerRole.Standby);
        await harness.Sync.SyncAsync(CancellationToken.None);

        Assert.Equal(JobActionResult.NotFound, await harness.Overview.TriggerAsync(key, CancellationToken.None));
        Assert.Equal(JobActionResult.NotFound, await harness.Overview.PauseAsync(key, CancellationToken.None));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task PauseAsync_OneOffJob_ReportsOnlyRecurring(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await (await SchedulerHarness.MigrateAsync(database)).DisposeAsync();
        await using var harness = SchedulerHarness.Create(database, new RecordingLifecycle(), SchedulerRole.Standby);
        var id = harness.Jobs.Schedule<CloseCycleJob>(job => job.RunAsync(Guid.NewGuid(), "pulse", CancellationToken.None), TimeSpan.FromDays(1));

        Assert.Equal(JobActionResult.OnlyRecurring, await harness.Overview.PauseAsync($"#{id}", CancellationToken.None));
        Assert.Equal(JobActionResult.OnlyRecurring, await harness.Overview.ResumeAsync($"#{id}", CancellationToken.None));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ListAsync_OneOffJobRunning_ShowsTheServerRunningIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await (await SchedulerHarness.MigrateAsync(database)).DisposeAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lifecycle = new RecordingLifecycle { CloseGate = release.Task };
        await using var harness = SchedulerHarness.Create(database, lifecycle);
        await harness.StartAsync();
        var cycleId = Guid.NewGuid();

        var id = harness.Jobs.Enqueue<CloseCycleJob>(job => job.RunAsync(cycleId, "pulse", CancellationToken.None));
        await lifecycle.WaitForAsync(c => c.Any(x => x.Id == cycleId), Bound, "the close to start");
        var jobs = await harness.Overview.ListAsync(CancellationToken.None);
        release.SetResult();

        var running = jobs.Single(j => j.Key == $"#{id}");
        Assert.Equal("running", running.State);
        var server = Assert.Single(harness.Storage.GetMonitoringApi().Servers());
        Assert.Equal([server.Name], running.RunningOn);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task TriggerAsync_PlanJob_OpensACycleFromNow(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await SchedulerHarness.MigrateAsync(database);
        var planId = await StoredPlans.AddAsync(db, "pulse", "0 9 * * 1");
        var lifecycle = new RecordingLifecycle();
        await using var harness = SchedulerHarness.Create(database, lifecycle);
        await harness.Sync.SyncAsync(CancellationToken.None);
        await harness.StartAsync();
        var asked = DateTimeOffset.UtcNow;

        Assert.Equal(JobActionResult.Done, await harness.Overview.TriggerAsync("pulse", CancellationToken.None));

        var calls = await lifecycle.WaitForAsync(c => c.Any(x => x.Method == "OpenCycleAsync"), Bound, "the cycle to open");
        var open = calls.Single(c => c.Method == "OpenCycleAsync");
        Assert.Equal(planId, open.Id);
        Assert.InRange(open.At!.Value, asked.AddSeconds(-1), DateTimeOffset.UtcNow);
    }
}
