using FeedbackBot.Core.Plans;
using FeedbackBot.Data;
using FeedbackBot.Jobs.Cycles;
using FeedbackBot.Jobs.Scheduling;
using FeedbackBot.Jobs.Tests.Cycles;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Plans;

namespace FeedbackBot.Jobs.Tests.Scheduling;

public sealed class MisfireTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Start_CyclesMissedWhileDown_OpensOnceForTheLatestMissedOccurrence(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await SchedulerHarness.MigrateAsync(database);
        var (planId, cron) = await AddHourlyPlanAsync(db);
        var lifecycle = new RecordingLifecycle();

        // The job was stored three hours ago, and no server ran since: three occurrences were missed.
        await using (var before = SchedulerHarness.Create(database, lifecycle, SchedulerRole.Standby, recurringNow: DateTimeOffset.UtcNow.AddHours(-3)))
        {
            await before.Sync.SyncAsync(CancellationToken.None);
            Assert.True(before.RecurringJob("pulse")!.NextExecution < DateTime.UtcNow.AddHours(-1));
        }

        var restartedAt = DateTimeOffset.UtcNow;
        await using var after = SchedulerHarness.Create(database, lifecycle);
        await after.StartAsync();
        await lifecycle.WaitForAsync(c => c.Any(x => x.Method == "OpenCycleAsync"), Bound, "the missed cycle to open");
        await Eventually.ThatAsync(
            () => after.Overview.ListAsync(CancellationToken.None),
            j => j.Single(v => v.Key == "pulse") is { LastRun.Outcome: "succeeded" } job && job.NextFireTime > restartedAt,
            "the plan's job to finish and wait for its next occurrence",
            Bound);
        await after.StopAsync();

        var open = Assert.Single(lifecycle.Calls, c => c.Method == "OpenCycleAsync");
        Assert.Equal(planId, open.Id);
        Assert.Equal(cron.GetLatestOccurrence(restartedAt, TimeZoneInfo.Utc), open.At);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Start_CloseFellDueWhileDown_RunsOnStart(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await SchedulerHarness.MigrateAsync(database);
        var planId = await StoredPlans.AddAsync(db, "pulse", cron: null);
        var cycleId = await StoredCycles.AddAsync(db, planId, DateTimeOffset.UtcNow.AddDays(-7));
        var lifecycle = new RecordingLifecycle();
        await using (var before = SchedulerHarness.Create(database, lifecycle, SchedulerRole.Standby))
        {
            Assert.True(await before.Steps.BookAsync(new OpenedCycle(cycleId, DateTimeOffset.UtcNow.AddHours(-2), null, "pulse"), CancellationToken.None));
        }

        await using var after = SchedulerHarness.Create(database, lifecycle);
        await after.StartAsync();

        var calls = await lifecycle.WaitForAsync(c => c.Any(x => x.Method == "CloseCycleAsync"), Bound, "the missed close");
        Assert.Equal(cycleId, calls.Single(c => c.Method == "CloseCycleAsync").Id);
    }

    /// <summary>An hourly plan half an hour away from now, so no regular occurrence falls inside the test.</summary>
    internal static async Task<(Guid PlanId, CronSchedule Cron)> AddHourlyPlanAsync(FeedbackDbContext db)
    {
        var text = $"{(DateTimeOffset.UtcNow.Minute + 30) % 60} * * * *";
        Assert.True(CronSchedule.TryParse(text, out var cron, out _));
        return (await StoredPlans.AddAsync(db, "pulse", text), cron!);
    }
}
