using FeedbackBot.Core.Plans;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Jobs.Actions;
using FeedbackBot.Jobs.Coaching;
using FeedbackBot.Jobs.Retention;
using FeedbackBot.Jobs.Scheduling;
using FeedbackBot.Jobs.Scorecards;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Plans;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Jobs.Tests.Scheduling;

public sealed class RecurringJobSyncTests
{
    // A Wednesday; the tests' plans run on Mondays.
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task SyncAsync_ActivePlanWithSchedule_AddsJobByPlanKeyFiringAtPlanLocalTime(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await SchedulerHarness.MigrateAsync(database);
        var planId = await StoredPlans.AddAsync(db, "pulse", "0 9 * * 1", "America/New_York");
        await using var harness = SchedulerHarness.Create(database, new RecordingLifecycle(), SchedulerRole.Standby, recurringNow: Now);

        var changes = await harness.Sync.SyncAsync(CancellationToken.None);

        // The plan's job and the bot's own seven.
        Assert.Equal(8, changes.Added);
        var job = Assert.IsType<RecurringJobDto>(harness.RecurringJob("pulse"));
        Assert.Equal("0 9 * * 1", job.Cron);
        Assert.Equal("America/New_York", job.TimeZoneId);
        Assert.Equal(planId, job.Job.Args[0]);
        // Monday 30 November, 09:00 in New York (EST, UTC-5).
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 14, 0, 0, TimeSpan.Zero), Utc(job.NextExecution));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task SyncAsync_SummerTimeZone_NextExecutionIsThePlansLocalTimeAfterTheClocksChange(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await SchedulerHarness.MigrateAsync(database);
        await StoredPlans.AddAsync(db, "pulse", "30 10 1,15 * *", "Europe/London");
        var now = new DateTimeOffset(2026, 3, 20, 0, 0, 0, TimeSpan.Zero);
        await using var harness = SchedulerHarness.Create(database, new RecordingLifecycle(), SchedulerRole.Standby, recurringNow: now);

        await harness.Sync.SyncAsync(CancellationToken.None);

        Assert.True(CronSchedule.TryParse("30 10 1,15 * *", out var cron, out _));
        var expected = cron!.GetNextOccurrence(now, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        // 1 April, after the clocks went forward: 10:30 BST is 09:30 UTC.
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 9, 30, 0, TimeSpan.Zero), expected);
        Assert.Equal(expected, Utc(harness.RecurringJob("pulse")!.NextExecution));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task SyncAsync_PlanPausedThenResumed_HoldsThenRestoresItsSchedule(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await SchedulerHarness.MigrateAsync(database);
        var planId = await StoredPlans.AddAsync(db, "pulse", "0 9 * * 1");
        await using var harness = SchedulerHarness.Create(database, new RecordingLifecycle(), SchedulerRole.Standby, recurringNow: Now);
        await harness.Sync.SyncAsync(CancellationToken.None);

        await StoredPlans.SetStateAsync(db, planId, PlanState.Paused);
        var paused = await harness.Sync.SyncAsync(CancellationToken.None);
        var held = harness.RecurringJob("pulse")!;

        await StoredPlans.SetStateAsync(db, planId, PlanState.Active);
        var resumed = await harness.Sync.SyncAsync(CancellationToken.None);
        var restored = harness.RecurringJob("pulse")!;

        Assert.Equal(1, paused.Paused);
        Assert.Equal((Cron.Never(), (DateTimeOffset?)null), (held.Cron, Utc(held.NextExecution)));
        Assert.Equal(1, resumed.Resumed);
        Assert.Equal(("0 9 * * 1", (DateTimeOffset?)new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero)), (restored.Cron, Utc(restored.NextExecution)));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task SyncAsync_PlanAddedWhilePaused_GetsJobThatNeverFires(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await SchedulerHarness.MigrateAsync(database);
        await StoredPlans.AddAsync(db, "pulse", "0 9 * * 1", state: PlanState.Paused);
        await using var harness = SchedulerHarness.Create(database, new RecordingLifecycle(), SchedulerRole.Standby, recurringNow: Now);

        await harness.Sync.SyncAsync(CancellationToken.None);

        var job = harness.RecurringJob("pulse")!;
        Assert.Equal(Cron.Never(), job.Cron);
        Assert.Null(job.NextExecution);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task SyncAsync_PlanRemovedOrUnscheduled_RemovesItsJob(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await SchedulerHarness.MigrateAsync(database);
        var removed = await StoredPlans.AddAsync(db, "removed", "0 9 * * 1");
        var unscheduled = await StoredPlans.AddAsync(db, "unscheduled", "0 9 * * 1");
        await StoredPlans.AddAsync(db, "kept", "0 9 * * 1");
        await using var harness = SchedulerHarness.Create(database, new RecordingLifecycle(), SchedulerRole.Standby, recurringNow: Now);
        await harness.Sync.SyncAsync(CancellationToken.None);

        await StoredPlans.RemoveAsync(db, removed);
        await StoredPlans.RescheduleAsync(db, unscheduled, cron: null, "UTC");
        var changes = await harness.Sync.SyncAsync(CancellationToken.None);

        Assert.Equal(2, changes.Removed);
        Assert.Equal(
            ["kept", JobIds.ActionReminders, JobIds.CoachingReminders, JobIds.PeopleSync, JobIds.PlanSync, JobIds.QaRetention, JobIds.ResponseRetention, JobIds.WeeklySummary],
            harness.RecurringJobs().Select(j => j.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task SyncAsync_PeopleSyncSchedule_AddsThePeopleSyncJobAtThatTimeInTheJobsTimeZone(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await (await SchedulerHarness.MigrateAsync(database)).DisposeAsync();
        await using var harness = SchedulerHarness.Create(database, new RecordingLifecycle(), SchedulerRole.Standby, recurringNow: Now, settings: new Dictionary<string, string?>
        {
            ["People:SyncSchedule"] = "30 5 * * 1-5",
            ["Jobs:TimeZone"] = "Europe/Berlin",
        });

        await harness.Sync.SyncAsync(CancellationToken.None);

        var job = Assert.IsType<RecurringJobDto>(harness.RecurringJob(JobIds.PeopleSync));
        Assert.Equal(("30 5 * * 1-5", "Europe/Berlin"), (job.Cron, job.TimeZoneId));
        // Thursday 26 November, 05:30 in Berlin (CET, UTC+1).
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 4, 30, 0, TimeSpan.Zero), Utc(job.NextExecution));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task SyncAsync_PeopleSyncTurnedOff_RemovesThePeopleSyncJob(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await (await SchedulerHarness.MigrateAsync(database)).DisposeAsync();
        await using (var before = SchedulerHarness.Create(database, new RecordingLifecycle(), SchedulerRole.Standby, recurringNow: Now))
        {
            await before.Sync.SyncAsync(CancellationToken.None);
            Assert.NotNull(before.RecurringJob(JobIds.PeopleSync));
        }

        await using var harness = SchedulerHarness.Create(database, new RecordingLifecycle(), SchedulerRole.Standby, recurringNow: Now, settings: new Dictionary<string, string?>
        {
            ["People:SyncSchedule"] = "off",
        });
        var changes = await harness.Sync.SyncAsync(CancellationToken.None);

        Assert.Equal(1, changes.Removed);
        Assert.Equal([JobIds.ActionReminders, JobIds.CoachingReminders, JobIds.PlanSync, JobIds.QaRetention, JobIds.ResponseRetention, JobIds.WeeklySummary], harness.RecurringJobs().Select(j => j.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task SyncAsync_AnyInstallation_AddsTheCoachingRemindersJobEveryHour(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await (await SchedulerHarness.MigrateAsync(database)).DisposeAsync();
        await using var harness = SchedulerHarness.Create(database, new RecordingLifecycle(), SchedulerRole.Standby, recurringNow: Now);

        await harness.Sync.SyncAsync(CancellationToken.None);

        var job = Assert.IsType<RecurringJobDto>(harness.RecurringJob(JobIds.CoachingReminders));
        Assert.Equal(("0 * * * *", "UTC"), (job.Cron, job.TimeZoneId));
        Assert.Equal(nameof(CoachingRemindersJob), job.Job.Type.Name);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task SyncAsync_AnyInstallation_AddsTheActionRemindersJobEveryHour(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await (await SchedulerHarness.MigrateAsync(database)).DisposeAsync();
        await using var harness = SchedulerHarness.Create(database, new RecordingLifecycle(), SchedulerRole.Standby, recurringNow: Now);

        await harness.Sync.SyncAsync(CancellationToken.None);

        var job = Assert.IsType<RecurringJobDto>(harness.RecurringJob(JobIds.ActionReminders));
        Assert.Equal(("0 * * * *", "UTC"), (job.Cron, job.TimeZoneId));
        Assert.Equal(nameof(ActionRemindersJob), job.Job.Type.Name);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task SyncAsync_NoQaRetentionSchedule_AddsTheQaRetentionJobDailyAtHalfPastTwo(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await (await SchedulerHarness.MigrateAsync(database)).DisposeAsync();
        await using var harness = SchedulerHarness.Create(database, new RecordingLifecycle(), SchedulerRole.Standby, recurringNow: Now, settings: new Dictionary<string, string?>
        {
            ["Jobs:TimeZone"] = "Europe/Berlin",
        });

        await harness.Sync.SyncAsync(CancellationToken.None);

        var job = Assert.IsType<RecurringJobDto>(harness.RecurringJob(JobIds.QaRetention));
        Assert.Equal(("30 2 * * *", "Europe/Berlin"), (job.Cron, job.TimeZoneId));
        Assert.Equal(nameof(QaRetentionJob), job.Job.Type.Name);
        // Thursday 26 November, 02:30 in Berlin (CET, UTC+1).
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 1, 30, 0, TimeSpan.Zero), Utc(job.NextExecution));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task SyncAsync_QaRetentionTurnedOff_RemovesTheQaRetentionJob(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await (await SchedulerHarness.MigrateAsync(database)).DisposeAsync();
        await using (var before = SchedulerHarness.Create(database, new RecordingLifecycle(), SchedulerRole.Standby, recurringNow: Now))
        {
            await before.Sync.SyncAsync(CancellationToken.None);
            Assert.NotNull(before.RecurringJob(JobIds.QaRetention));
        }

        await using var harness = SchedulerHarness.Create(database, new RecordingLifecycle(), SchedulerRole.Standby, recurringNow: Now, settings: new Dictionary<string, string?>
        {
            ["Qa:RetentionSchedule"] = "OFF",
        });
        var changes = await harness.Sync.SyncAsync(CancellationToken.None);

        Assert.Equal(1, changes.Removed);
        Assert.Null(harness.RecurringJob(JobIds.QaRetention));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task SyncAsync_NoRetentionSchedule_AddsTheResponseRetentionJobDailyAtQuarterToThree(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await (await SchedulerHarness.MigrateAsync(database)).DisposeAsync();
        await using var harness = SchedulerHarness.Create(database, new RecordingLifecycle(), SchedulerRole.Standby, recurringNow: Now);

        await harness.Sync.SyncAsync(CancellationToken.None);

        var job = Assert.IsType<RecurringJobDto>(harness.RecurringJob(JobIds.ResponseRetention));
        Assert.Equal(("45 2 * * *", "UTC"), (job.Cron, job.TimeZoneId));
        Assert.Equal(nameof(ResponseRetentionJob), job.Job.Type.Name);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 2, 45, 0, TimeSpan.Zero), Utc(job.NextExecution));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task SyncAsync_RetentionTurnedOff_RemovesTheResponseRetentionJob(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await (await SchedulerHarness.MigrateAsync(database)).DisposeAsync();
        await using (var before = SchedulerHarness.Create(database, new RecordingLifecycle(), SchedulerRole.Standby, recurringNow: Now))
        {
            await before.Sync.SyncAsync(CancellationToken.None);
            Assert.NotNull(before.RecurringJob(JobIds.ResponseRetention));
        }

        await using var harness = SchedulerHarness.Create(database, new RecordingLifecycle(), SchedulerRole.Standby, recurringNow: Now, settings: new Dictionary<string, string?>
        {
            ["Retention:Schedule"] = "off",
        });
        var changes = await harness.Sync.SyncAsync(CancellationToken.None);

        Assert.Equal(1, changes.Removed);
        Assert.Null(harness.RecurringJob(JobIds.ResponseRetention));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task SyncAsync_CronAndZoneChanged_ReplacesJobWithNewNextExecution(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await SchedulerHarness.MigrateAsync(database);
        var planId = await StoredPlans.AddAsync(db, "pulse", "0 9 * * 1");
        await using var harness = SchedulerHarness.Create(database, new RecordingLifecycle(), SchedulerRole.Standby, recurringNow: Now);
        await harness.Sync.SyncAsync(CancellationToken.None);

        await StoredPlans.RescheduleAsync(db, planId, "0 18 * * 5", "Asia/Tokyo");
        var changes = await harness.Sync.SyncAsync(CancellationToken.None);

        Assert.Equal(1, changes.Replaced);
        var job = harness.RecurringJob("pulse")!;
        Assert.Equal(("0 18 * * 5", "Asia/Tokyo"), (job.Cron, job.TimeZoneId));
        // Friday 27 November, 18:00 in Tokyo (UTC+9).
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero), Utc(job.NextExecution));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task SyncAsync_NothingChanged_ChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await SchedulerHarness.MigrateAsync(database);
        await StoredPlans.AddAsync(db, "pulse", "0 9 * * 1");
        await StoredPlans.AddAsync(db, "paused", "0 9 * * 1", state: PlanState.Paused);
        await StoredPlans.AddAsync(db, "by-hand", cron: null);
        await using var harness = SchedulerHarness.Create(database, new RecordingLifecycle(), SchedulerRole.Standby, recurringNow: Now);
        var first = await harness.Sync.SyncAsync(CancellationToken.None);

        var second = await harness.Sync.SyncAsync(CancellationToken.None);

        // Two plans with a schedule, and the bot's own seven jobs.
        Assert.Equal(9, first.Added);
        Assert.False(second.Any, second.ToString());
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task SyncAsync_JobPausedByOperator_StaysPausedWhenThePlanChanges(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await SchedulerHarness.MigrateAsync(database);
        var planId = await StoredPlans.AddAsync(db, "pulse", "0 9 * * 1");
        await using var harness = SchedulerHarness.Create(database, new RecordingLifecycle(), SchedulerRole.Standby, recurringNow: Now);
        await harness.Sync.SyncAsync(CancellationToken.None);

        Assert.Equal(JobActionResult.Done, await harness.Overview.PauseAsync("pulse", CancellationToken.None));
        await StoredPlans.RescheduleAsync(db, planId, "0 10 * * 2", "UTC");
        await StoredPlans.SetStateAsync(db, planId, PlanState.Paused);
        await StoredPlans.SetStateAsync(db, planId, PlanState.Active);
        await harness.Sync.SyncAsync(CancellationToken.None);

        Assert.Equal(Cron.Never(), harness.RecurringJob("pulse")!.Cron);
        var view = (await harness.Overview.ListAsync(CancellationToken.None)).Single(v => v.Key == "pulse");
        Assert.Equal(("paused", PauseRequesters.Operator), (view.State, view.PausedBy));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task SyncAsync_TwoTenantsWithTheSamePlanKey_GivesEachItsOwnJob(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await SchedulerHarness.MigrateAsync(database);
        var first = await StoredPlans.AddAsync(db, "pulse", "0 9 * * 1", "Europe/Berlin");
        // StoredPlans adds to the tenant "local": renaming it makes the next plan land in a new tenant.
        await db.Tenants.Where(t => t.ExternalId == "local").ExecuteUpdateAsync(s => s.SetProperty(t => t.ExternalId, "other").SetProperty(t => t.Name, "Other"));
        var second = await StoredPlans.AddAsync(db, "pulse", "0 9 * * 1", "Asia/Tokyo");
        await using var harness = SchedulerHarness.Create(database, new RecordingLifecycle(), SchedulerRole.Standby, recurringNow: Now);

        await harness.Sync.SyncAsync(CancellationToken.None);

        var plans = harness.RecurringJobs().Where(j => !j.Id.StartsWith(JobIds.SystemPrefix, StringComparison.Ordinal)).OrderBy(j => j.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(["pulse@Local", "pulse@Other"], plans.Select(j => j.Id));
        Assert.Equal([(second, "Asia/Tokyo"), (first, "Europe/Berlin")], plans.Select(j => ((Guid)j.Job.Args[0], j.TimeZoneId)));
    }

    private static DateTimeOffset? Utc(DateTime? at) =>
        at is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : null;
}
