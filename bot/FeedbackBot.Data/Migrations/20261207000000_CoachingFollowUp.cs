using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FeedbackBot.Data.Migrations;

/// <summary>
/// Marks evaluations scored in a calibration session (not sent to the agent as feedback), and records how a coaching
/// action ended: when, and the note left with it.
/// </summary>
[DbContext(typeof(FeedbackDbContext))]
[Migration("20261207000000_CoachingFollowUp")]
public sealed class CoachingFollowUp : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var t = new StoreTypes(migrationBuilder.ActiveProvider);

        // Existing evaluations were all feedback. The default only fills them: the model has none, so on PostgreSQL,
        // which can, it is dropped again (SQLite cannot alter a column, and a default there is harmless).
        migrationBuilder.AddColumn<bool>("calibration", "evaluations", type: t.Bool, nullable: false, defaultValue: false);
        if (t.IsPostgres)
        {
            migrationBuilder.Sql("ALTER TABLE evaluations ALTER COLUMN calibration DROP DEFAULT;");
        }

        migrationBuilder.AddColumn<string>("note", "coaching_actions", type: t.String(2000), maxLength: 2000, nullable: true);
        migrationBuilder.AddColumn<DateTime>("closed_at", "coaching_actions", type: t.Timestamp, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropColumn("closed_at", "coaching_actions");
        migrationBuilder.DropColumn("note", "coaching_actions");
        migrationBuilder.DropColumn("calibration", "evaluations");
    }
}
