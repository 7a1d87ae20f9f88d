using FeedbackBot.Data;
using FeedbackBot.Jobs.Cycles;
using FeedbackBot.Jobs.Scheduling;
using FeedbackBot.Testing;
using Hangfire;

namespace FeedbackBot.Jobs.Tests.Scheduling;

/// <summary>
/// Hangfire may start one occurrence of a recurring job twice (a manual trigger beside the schedule, two servers
/// racing, a storage that hands a job out twice). The bot's guarantee is that every start asks the lifecycle for the
/// same occurrence, which the host opens once (its cycles are unique by plan and start).
/// </summary>
public sealed class DuplicateRunTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task TriggerJob_PlanJobFiredTwice_AsksTheLifecycleForOneOccurrence(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await SchedulerHarness.MigrateAsync(database);
        var (planId, cron) = await MisfireTests.AddHourlyPlanAsync(db);
        var lifecycle = new RecordingLifecycle();
        await using var harness = SchedulerHarness.Create(database, lifecycle);
        await harness.Sync.SyncAsync(CancellationToken.None);
        await harness.StartAsync();

        harness.Recurring.TriggerJob("pulse");
        await lifecycle.WaitForAsync(c => c.Any(x => x.Method == "OpenCycleAsync"), Bound, "the first run");
        harness.Recurring.TriggerJob("pulse");

        var calls = await lifecycle.WaitForAsync(c => c.Count(x => x.Method == "OpenCycleAsync") == 2, Bound, "the second run");
        var opens = calls.Where(c => c.Method == "OpenCycleAsync").ToList();
        Assert.All(opens, c => Assert.Equal(planId, c.Id));
        Assert.Single(opens.Select(c => c.At).Distinct());
        Assert.Equal(cron.GetLatestOccurrence(DateTimeOffset.UtcNow, TimeZoneInfo.Utc), opens[0].At);
    }

    [Fact]
    public async Task TwoServersOnOnePostgres_CycleMissedWhileBothWereDown_AskForOneOccurrence()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var db = await SchedulerHarness.MigrateAsync(database);
        var (planId, cron) = await MisfireTests.AddHourlyPlanAsync(db);
        var lifecycle = new RecordingLifecycle();
        await using (var before = SchedulerHarness.Create(database, lifecycle, SchedulerRole.Standby, recurringNow: DateTimeOffset.UtcNow.AddHours(-3)))
        {
            await before.Sync.SyncAsync(CancellationToken.None);
        }

        var restartedAt = DateTimeOffset.UtcNow;
        await using var first = SchedulerHarness.Create(database, lifecycle);
        await using var second = SchedulerHarness.Create(database, lifecycle);
        await Task.WhenAll(first.StartAsync(), second.StartAsync());
        await lifecycle.WaitForAsync(c => c.Any(x => x.Method == "OpenCycleAsync"), Bound, "the missed cycle to open");
        await Eventually.ThatAsync(
            () => first.Overview.ListAsync(CancellationToken.None),
            j => j.Single(v => v.Key == "pulse") is { LastRun.Outcome: "succeeded" } job && job.NextFireTime > restartedAt,
            "the plan's job to finish and wait for its next occurrence",
            Bound);
        await Task.WhenAll(first.StopAsync(), second.StopAsync());

        var opens = lifecycle.Calls.Where(c => c.Method == "OpenCycleAsync").ToList();
        Assert.All(opens, c => Assert.Equal(planId, c.Id));
        Assert.Equal([cron.GetLatestOccurrence(restartedAt, TimeZoneInfo.Utc)], opens.Select(c => c.At).Distinct());
    }

    [Fact]
    public async Task TwoServersOnOnePostgres_DelayedCloseFallsDue_OneServerRunsIt()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await (await SchedulerHarness.MigrateAsync(database)).DisposeAsync();
        var lifecycle = new RecordingLifecycle();
        await using var first = SchedulerHarness.Create(database, lifecycle);
        await using var second = SchedulerHarness.Create(database, lifecycle);
        await Task.WhenAll(first.StartAsync(), second.StartAsync());
        await Eventually.ThatAsync(() => first.Storage.GetMonitoringApi().Servers().Count == 2, "both servers to be up", Bound);

        var cycleId = Guid.NewGuid();
        first.Jobs.Schedule<CloseCycleJob>(job => job.RunAsync(cycleId, "pulse", CancellationToken.None), DateTimeOffset.UtcNow.AddSeconds(2));

        await Eventually.ThatAsync(() => first.SucceededJobs<CloseCycleJob>().Count == 1, "the close to succeed", Bound);
        await Task.WhenAll(first.StopAsync(), second.StopAsync());
        Assert.Single(lifecycle.Calls, c => c.Id == cycleId);
    }
}
