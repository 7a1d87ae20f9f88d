using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FeedbackBot.Data.Migrations;

/// <summary>
/// QA monitoring: the interactions a helpdesk or phone system logged, evaluations of them against a plan's scorecards
/// with their answers and coaching actions, and the audit trail of confidential reads. New tables only, so SQLite
/// needs no table rebuild.
/// </summary>
[DbContext(typeof(FeedbackDbContext))]
[Migration("20261206100000_QualityMonitoring")]
public sealed class QualityMonitoring : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var t = new StoreTypes(migrationBuilder.ActiveProvider);

        migrationBuilder.CreateTable(
            name: "monitored_interactions",
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                tenant_id = table.Column<Guid>(type: t.Guid, nullable: false),
                interaction_key = table.Column<string>(type: t.String(200), maxLength: 200, nullable: false),
                agent = table.Column<string>(type: t.String(200), maxLength: 200, nullable: false),
                agent_person_id = table.Column<Guid>(type: t.Guid, nullable: true),
                channel = table.Column<string>(type: t.String(16), maxLength: 16, nullable: false),
                started_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
                duration_seconds = table.Column<double>(type: t.Double, nullable: true),
                queue = table.Column<string>(type: t.String(100), maxLength: 100, nullable: true),
                imported_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_monitored_interactions", x => x.id);
                table.ForeignKey("fk_monitored_interactions_tenants_tenant_id", x => x.tenant_id, "tenants", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_monitored_interactions_people_agent_person_id", x => x.agent_person_id, "people", "id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("ix_monitored_interactions_tenant_id_interaction_key", "monitored_interactions", ["tenant_id", "interaction_key"], unique: true);
        migrationBuilder.CreateIndex("ix_monitored_interactions_tenant_id_agent_started_at", "monitored_interactions", ["tenant_id", "agent", "started_at"]);
        migrationBuilder.CreateIndex("ix_monitored_interactions_agent_person_id", "monitored_interactions", ["agent_person_id"]);

        migrationBuilder.CreateTable(
            name: "evaluations",
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                tenant_id = table.Column<Guid>(type: t.Guid, nullable: false),
                plan_id = table.Column<Guid>(type: t.Guid, nullable: false),
                plan_version_id = table.Column<Guid>(type: t.Guid, nullable: false),
                evaluation_key = table.Column<string>(type: t.String(200), maxLength: 200, nullable: false),
                interaction_key = table.Column<string>(type: t.String(200), maxLength: 200, nullable: false),
                agent = table.Column<string>(type: t.String(200), maxLength: 200, nullable: false),
                agent_person_id = table.Column<Guid>(type: t.Guid, nullable: true),
                evaluator = table.Column<string>(type: t.String(200), maxLength: 200, nullable: false),
                evaluator_person_id = table.Column<Guid>(type: t.Guid, nullable: true),
                scorecard_id = table.Column<string>(type: t.String(64), maxLength: 64, nullable: false),
                channel = table.Column<string>(type: t.String(16), maxLength: 16, nullable: false),
                evaluated_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
                interaction_at = table.Column<DateTime>(type: t.Timestamp, nullable: true),
                score = table.Column<double>(type: t.Double, nullable: true),
                critical_fail = table.Column<bool>(type: t.Bool, nullable: false),
                passed = table.Column<bool>(type: t.Bool, nullable: false),
                went_well = table.Column<string>(type: t.String(4000), maxLength: 4000, nullable: false),
                to_improve = table.Column<string>(type: t.String(4000), maxLength: 4000, nullable: false),
                acknowledged_at = table.Column<DateTime>(type: t.Timestamp, nullable: true),
                discuss_requested_at = table.Column<DateTime>(type: t.Timestamp, nullable: true),
                discuss_reason = table.Column<string>(type: t.String(2000), maxLength: 2000, nullable: true),
                reflection = table.Column<string>(type: t.String(4000), maxLength: 4000, nullable: true),
                created_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_evaluations", x => x.id);
                table.ForeignKey("fk_evaluations_tenants_tenant_id", x => x.tenant_id, "tenants", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_evaluations_plans_plan_id", x => x.plan_id, "plans", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_evaluations_plan_versions_plan_version_id", x => x.plan_version_id, "plan_versions", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_evaluations_people_agent_person_id", x => x.agent_person_id, "people", "id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("fk_evaluations_people_evaluator_person_id", x => x.evaluator_person_id, "people", "id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("ix_evaluations_plan_id_evaluation_key", "evaluations", ["plan_id", "evaluation_key"], unique: true);
        migrationBuilder.CreateIndex("ix_evaluations_plan_id_interaction_key", "evaluations", ["plan_id", "interaction_key"]);
        migrationBuilder.CreateIndex("ix_evaluations_tenant_id_agent_person_id", "evaluations", ["tenant_id", "agent_person_id"]);
        migrationBuilder.CreateIndex("ix_evaluations_agent_person_id", "evaluations", ["agent_person_id"]);
        migrationBuilder.CreateIndex("ix_evaluations_evaluator_person_id", "evaluations", ["evaluator_person_id"]);
        migrationBuilder.CreateIndex("ix_evaluations_plan_version_id", "evaluations", ["plan_version_id"]);

        migrationBuilder.CreateTable(
            name: "evaluation_answers",
            columns: table => new
            {
                evaluation_id = table.Column<Guid>(type: t.Guid, nullable: false),
                criterion_id = table.Column<string>(type: t.String(64), maxLength: 64, nullable: false),
                answer = table.Column<string>(type: t.String(3), maxLength: 3, nullable: false),
                comment = table.Column<string>(type: t.String(2000), maxLength: 2000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_evaluation_answers", x => new { x.evaluation_id, x.criterion_id });
                table.ForeignKey("fk_evaluation_answers_evaluations_evaluation_id", x => x.evaluation_id, "evaluations", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "coaching_actions",
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                evaluation_id = table.Column<Guid>(type: t.Guid, nullable: false),
                what = table.Column<string>(type: t.String(2000), maxLength: 2000, nullable: false),
                support = table.Column<string>(type: t.String(2000), maxLength: 2000, nullable: true),
                due_on = table.Column<DateOnly>(type: t.Date, nullable: false),
                state = table.Column<string>(type: t.String(16), maxLength: 16, nullable: false),
                reminded_at = table.Column<DateTime>(type: t.Timestamp, nullable: true),
                created_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_coaching_actions", x => x.id);
                table.ForeignKey("fk_coaching_actions_evaluations_evaluation_id", x => x.evaluation_id, "evaluations", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_coaching_actions_evaluation_id", "coaching_actions", ["evaluation_id"]);

        migrationBuilder.CreateTable(
            name: "audit_entries",
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                tenant_id = table.Column<Guid>(type: t.Guid, nullable: false),
                at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
                actor = table.Column<string>(type: t.String(200), maxLength: 200, nullable: false),
                action = table.Column<string>(type: t.String(64), maxLength: 64, nullable: false),
                subject = table.Column<string>(type: t.String(200), maxLength: 200, nullable: false),
                detail = table.Column<string>(type: t.String(2000), maxLength: 2000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_audit_entries", x => x.id);
                table.ForeignKey("fk_audit_entries_tenants_tenant_id", x => x.tenant_id, "tenants", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_audit_entries_tenant_id_at", "audit_entries", ["tenant_id", "at"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("audit_entries");
        migrationBuilder.DropTable("coaching_actions");
        migrationBuilder.DropTable("evaluation_answers");
        migrationBuilder.DropTable("evaluations");
        migrationBuilder.DropTable("monitored_interactions");
    }
}
