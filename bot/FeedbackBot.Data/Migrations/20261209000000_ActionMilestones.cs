using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FeedbackBot.Data.Migrations;

/// <summary>Improvement actions' milestones. A new table only: existing actions simply have none yet.</summary>
[DbContext(typeof(FeedbackDbContext))]
[Migration("20261209000000_ActionMilestones")]
public sealed class ActionMilestones : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var t = new StoreTypes(migrationBuilder.ActiveProvider);

        migrationBuilder.CreateTable(
            name: "improvement_action_milestones",
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                action_id = table.Column<Guid>(type: t.Guid, nullable: false),
                number = table.Column<int>(type: t.Int, nullable: false),
                title = table.Column<string>(type: t.String(300), maxLength: 300, nullable: false),
                due_on = table.Column<DateOnly>(type: t.Date, nullable: false),
                done_on = table.Column<DateOnly>(type: t.Date, nullable: true),
                created_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_improvement_action_milestones", x => x.id);
                table.ForeignKey("fk_improvement_action_milestones_improvement_actions_action_id", x => x.action_id, "improvement_actions", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_improvement_action_milestones_action_id_number", "improvement_action_milestones", ["action_id", "number"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("improvement_action_milestones");
    }
}
