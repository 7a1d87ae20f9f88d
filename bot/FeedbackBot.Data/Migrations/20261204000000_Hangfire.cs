using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FeedbackBot.Data.Migrations;

/// <summary>
/// Hangfire replaces Quartz (docs/decisions/0012-hangfire-storage.md): operators' pauses of plans' open-cycle jobs
/// move from Quartz's triggers into <c>job_pauses</c>, Quartz's tables go, and a cycle records when its steps were
/// booked. Cycles open at the upgrade have none recorded, so the plan sync books their close and reminders on Hangfire.
/// A plan paused as a plan stays paused: its state is in <c>plans</c>.
/// </summary>
[DbContext(typeof(FeedbackDbContext))]
[Migration("20261204000000_Hangfire")]
public sealed class Hangfire : Migration
{
    private static readonly string[] QuartzTables =
    [
        "fired_triggers", "paused_trigger_grps", "paused_job_grps", "scheduler_state", "locks", "execution_history",
        "misfire_history", "job_status", "simple_triggers", "cron_triggers", "simprop_triggers", "blob_triggers",
        "triggers", "calendars", "job_details",
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var t = new StoreTypes(migrationBuilder.ActiveProvider);
        var postgres = migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";

        migrationBuilder.AddColumn<DateTime>("steps_booked_at", "review_cycles", type: t.Timestamp, nullable: true);
        migrationBuilder.CreateTable(
            name: "job_pauses",
            columns: table => new
            {
                job_id = table.Column<string>(type: t.String(200), maxLength: 200, nullable: false),
                paused_by = table.Column<string>(type: t.String(16), maxLength: 16, nullable: false),
                reason = table.Column<string>(type: t.String(200), maxLength: 200, nullable: true),
                paused_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_job_pauses", x => x.job_id));

        // Quartz created its tables itself when the scheduler first started, so a database may not have them. The
        // triggers table is made to exist (empty) for the copy, then every Quartz table is dropped if it is there.
        var triggers = postgres ? "qrtz_triggers" : "QRTZ_TRIGGERS";
        migrationBuilder.Sql(
            $"CREATE TABLE IF NOT EXISTS {triggers} (trigger_name varchar(200), trigger_group varchar(200), trigger_state varchar(16), paused_by varchar(200), paused_at bigint)");
        var now = postgres ? "now()" : "strftime('%Y-%m-%d %H:%M:%f', 'now')";
        migrationBuilder.Sql(
            $"INSERT INTO job_pauses (job_id, paused_by, reason, paused_at) " +
            $"SELECT 'plan:' || trigger_name, 'operator', 'paused by an operator', {now} FROM {triggers} " +
            $"WHERE trigger_group = 'open-cycle' AND trigger_state = 'PAUSED' AND paused_by = 'operator'");
        foreach (var table in QuartzTables)
        {
            migrationBuilder.Sql(postgres ? $"DROP TABLE IF EXISTS qrtz_{table} CASCADE" : $"DROP TABLE IF EXISTS QRTZ_{table.ToUpperInvariant()}");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("job_pauses");
        migrationBuilder.DropColumn("steps_booked_at", "review_cycles");
    }
}
