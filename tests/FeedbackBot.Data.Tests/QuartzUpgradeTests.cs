using FeedbackBot.Data.Entities;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FeedbackBot.Data.Tests;

/// <summary>
/// A database the Quartz scheduler ran on is brought to Hangfire by the migration: the Quartz tables go, an operator's
/// pause of a plan's trigger becomes a row of <c>job_pauses</c>, a plan paused as a plan stays paused, and an open
/// cycle is left unbooked so the plan sync books its steps on Hangfire.
/// </summary>
public sealed class QuartzUpgradeTests
{
    private const string LastQuartzMigration = "20261201000000_CycleOpenToEveryone";

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Migrate_DatabaseQuartzRanOn_DropsItsTablesAndKeepsEveryPause(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(LastQuartzMigration);
        }

        Guid operatorPaused, planPaused, running;
        await using (var db = database.CreateContext())
        {
            operatorPaused = await StoredPlans.AddAsync(db, "held-by-operator", "0 9 * * 1");
            planPaused = await StoredPlans.AddAsync(db, "held-by-plan", "0 9 * * 1", state: PlanState.Paused);
            running = await StoredPlans.AddAsync(db, "running", "0 9 * * 1");
            await CreateQuartzTablesAsync(db, provider);
            await AddTriggerAsync(db, provider, operatorPaused, "PAUSED", "operator");
            await AddTriggerAsync(db, provider, planPaused, "PAUSED", "plan");
            await AddTriggerAsync(db, provider, running, "WAITING", null);
        }

        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync();
        }

        await using var check = database.CreateContext();
        var pause = Assert.Single(await check.JobPauses.ToListAsync());
        Assert.Equal($"plan:{operatorPaused:D}", pause.JobId);
        Assert.Equal("operator", pause.PausedBy);
        Assert.Equal(PlanState.Paused, (await check.Plans.SingleAsync(p => p.Id == planPaused)).State);
        Assert.Empty(await QuartzTablesAsync(check, provider));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Migrate_DatabaseQuartzNeverRanOn_CreatesNothingOfQuartz(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.CreateMigratedContextAsync();

        Assert.Empty(await db.JobPauses.ToListAsync());
        Assert.Empty(await QuartzTablesAsync(db, provider));
    }

    // The columns the migration reads, plus the ones every Quartz trigger row has, as Quartz 4.7 created them.
    private static async Task CreateQuartzTablesAsync(FeedbackDbContext db, DatabaseProvider provider)
    {
        var prefix = provider == DatabaseProvider.Postgres ? "qrtz_" : "QRTZ_";
#pragma warning disable EF1003 // Table names cannot be parameters; these are the test's own constants.
        await db.Database.ExecuteSqlRawAsync(
            $"CREATE TABLE {prefix}triggers (sched_name varchar(120) NOT NULL, trigger_name varchar(150) NOT NULL, trigger_group varchar(150) NOT NULL, " +
            "job_name varchar(150) NOT NULL, job_group varchar(150) NOT NULL, trigger_state varchar(16) NOT NULL, trigger_type varchar(8) NOT NULL, " +
            "paused_by varchar(200), pause_reason varchar(200), paused_at bigint, PRIMARY KEY (sched_name, trigger_name, trigger_group)); " +
            $"CREATE TABLE {prefix}locks (sched_name varchar(120) NOT NULL, lock_name varchar(40) NOT NULL, PRIMARY KEY (sched_name, lock_name)); " +
            $"CREATE TABLE {prefix}job_details (sched_name varchar(120) NOT NULL, job_name varchar(150) NOT NULL, job_group varchar(150) NOT NULL, PRIMARY KEY (sched_name, job_name, job_group))");
#pragma warning restore EF1003
    }

    private static async Task AddTriggerAsync(FeedbackDbContext db, DatabaseProvider provider, Guid planId, string state, string? pausedBy)
    {
        var table = provider == DatabaseProvider.Postgres ? "qrtz_triggers" : "QRTZ_TRIGGERS";
#pragma warning disable EF1003 // As above: the table name is a constant; the values are parameters.
        await db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO {table} (sched_name, trigger_name, trigger_group, job_name, job_group, trigger_state, trigger_type, paused_by) " +
            $"VALUES ('FeedbackBot', {{0}}, 'open-cycle', {{0}}, 'open-cycle', {{1}}, 'CRON', {(pausedBy is null ? "NULL" : $"'{pausedBy}'")})",
            planId.ToString("D"), state);
#pragma warning restore EF1003
    }

    private static async Task<List<string>> QuartzTablesAsync(FeedbackDbContext db, DatabaseProvider provider)
    {
        var sql = provider == DatabaseProvider.Postgres
            ? "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public' AND lower(table_name) LIKE 'qrtz%'"
            : "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table' AND lower(name) LIKE 'qrtz%'";
        return await db.Database.SqlQueryRaw<string>(sql).ToListAsync();
    }
}
