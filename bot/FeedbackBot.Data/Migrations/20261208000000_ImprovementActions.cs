using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FeedbackBot.Data.Migrations;

/// <summary>Improvement actions adopted from reviews' recommendations, and their logs. New tables only.</summary>
[DbContext(typeof(FeedbackDbContext))]
[Migration("20261208000000_ImprovementActions")]
public sealed class ImprovementActions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var t = new StoreTypes(migrationBuilder.ActiveProvider);

        migrationBuilder.CreateTable(
            name: "improvement_actions",
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                tenant_id = table.Column<Guid>(type: t.Guid, nullable: false),
                plan_id = table.Column<Guid>(type: t.Guid, nullable: false),
                number = table.Column<int>(type: t.Int, nullable: false),
                review_id = table.Column<Guid>(type: t.Guid, nullable: false),
                recommendation_id = table.Column<string>(type: t.String(16), maxLength: 16, nullable: false),
                recommendation_key = table.Column<string>(type: t.String(400), maxLength: 400, nullable: false),
                title = table.Column<string>(type: t.String(300), maxLength: 300, nullable: false),
                feature = table.Column<string>(type: t.String(64), maxLength: 64, nullable: true),
                theme = table.Column<string>(type: t.String(64), maxLength: 64, nullable: true),
                kpi = table.Column<string>(type: t.String(64), maxLength: 64, nullable: true),
                metric = table.Column<string>(type: t.String(200), maxLength: 200, nullable: false),
                direction = table.Column<string>(type: t.String(8), maxLength: 8, nullable: false),
                baseline_value = table.Column<double>(type: t.Double, nullable: true),
                baseline_n = table.Column<long>(type: t.IsPostgres ? "bigint" : "INTEGER", nullable: true),
                baseline_low = table.Column<double>(type: t.Double, nullable: true),
                baseline_high = table.Column<double>(type: t.Double, nullable: true),
                target = table.Column<double>(type: t.Double, nullable: true),
                owner = table.Column<string>(type: t.String(320), maxLength: 320, nullable: false),
                owner_person_id = table.Column<Guid>(type: t.Guid, nullable: true),
                due_on = table.Column<DateOnly>(type: t.Date, nullable: false),
                resources = table.Column<string>(type: t.String(2000), maxLength: 2000, nullable: true),
                cost = table.Column<decimal>(type: t.Money, precision: 18, scale: 2, nullable: true),
                status = table.Column<string>(type: t.String(16), maxLength: 16, nullable: false),
                implemented_on = table.Column<DateOnly>(type: t.Date, nullable: true),
                cycles_held = table.Column<int>(type: t.Int, nullable: false),
                last_held_cycle_id = table.Column<Guid>(type: t.Guid, nullable: true),
                created_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
                updated_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
                created_by = table.Column<string>(type: t.String(200), maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_improvement_actions", x => x.id);
                table.ForeignKey("fk_improvement_actions_tenants_tenant_id", x => x.tenant_id, "tenants", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_improvement_actions_plans_plan_id", x => x.plan_id, "plans", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_improvement_actions_reviews_review_id", x => x.review_id, "reviews", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_improvement_actions_people_owner_person_id", x => x.owner_person_id, "people", "id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("ix_improvement_actions_tenant_id_number", "improvement_actions", ["tenant_id", "number"], unique: true);
        migrationBuilder.CreateIndex("ix_improvement_actions_review_id_recommendation_id", "improvement_actions", ["review_id", "recommendation_id"], unique: true);
        migrationBuilder.CreateIndex("ix_improvement_actions_plan_id_recommendation_key", "improvement_actions", ["plan_id", "recommendation_key"]);
        migrationBuilder.CreateIndex("ix_improvement_actions_owner_person_id", "improvement_actions", ["owner_person_id"]);

        migrationBuilder.CreateTable(
            name: "improvement_action_notes",
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                action_id = table.Column<Guid>(type: t.Guid, nullable: false),
                at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
                kind = table.Column<string>(type: t.String(16), maxLength: 16, nullable: false),
                text = table.Column<string>(type: t.String(4000), maxLength: 4000, nullable: false),
                author = table.Column<string>(type: t.String(200), maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_improvement_action_notes", x => x.id);
                table.ForeignKey("fk_improvement_action_notes_improvement_actions_action_id", x => x.action_id, "improvement_actions", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_improvement_action_notes_action_id_at", "improvement_action_notes", ["action_id", "at"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("improvement_action_notes");
        migrationBuilder.DropTable("improvement_actions");
    }
}
