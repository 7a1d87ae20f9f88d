using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FeedbackBot.Data.Migrations;

/// <summary>Marks evaluations scored in a calibration session, which are not sent to the agent as feedback.</summary>
[DbContext(typeof(FeedbackDbContext))]
[Migration("20261207000000_EvaluationCalibration")]
public sealed class EvaluationCalibration : Migration
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
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropColumn("calibration", "evaluations");
    }
}
