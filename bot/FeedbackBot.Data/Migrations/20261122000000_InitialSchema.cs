using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FeedbackBot.Data.Migrations;

[DbContext(typeof(FeedbackDbContext))]
[Migration("20261122000000_InitialSchema")]
public sealed class InitialSchema : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var t = new StoreTypes(migrationBuilder.ActiveProvider);

        migrationBuilder.CreateTable(
            name: "tenants",
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                channel = table.Column<string>(type: t.String(16), maxLength: 16, nullable: false),
                external_id = table.Column<string>(type: t.String(200), maxLength: 200, nullable: false),
                name = table.Column<string>(type: t.String(200), maxLength: 200, nullable: false),
                created_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_tenants", x => x.id));

        migrationBuilder.CreateTable(
            name: "people",
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                tenant_id = table.Column<Guid>(type: t.Guid, nullable: false),
                channel_user_id = table.Column<string>(type: t.String(200), maxLength: 200, nullable: false),
                display_name = table.Column<string>(type: t.String(200), maxLength: 200, nullable: false),
                role = table.Column<string>(type: t.String(16), maxLength: 16, nullable: false),
                unreachable_since = table.Column<DateTime>(type: t.Timestamp, nullable: true),
                created_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_people", x => x.id);
                table.ForeignKey("fk_people_tenants_tenant_id", x => x.tenant_id, "tenants", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "plans",
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                tenant_id = table.Column<Guid>(type: t.Guid, nullable: false),
                key = table.Column<string>(type: t.String(64), maxLength: 64, nullable: false),
                state = table.Column<string>(type: t.String(16), maxLength: 16, nullable: false),
                current_version = table.Column<int>(type: t.Int, nullable: false),
                created_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
                updated_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_plans", x => x.id);
                table.ForeignKey("fk_plans_tenants_tenant_id", x => x.tenant_id, "tenants", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "person_segments",
            columns: table => new
            {
                person_id = table.Column<Guid>(type: t.Guid, nullable: false),
                name = table.Column<string>(type: t.String(64), maxLength: 64, nullable: false),
                value = table.Column<string>(type: t.String(200), maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_person_segments", x => new { x.person_id, x.name });
                table.ForeignKey("fk_person_segments_people_person_id", x => x.person_id, "people", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "plan_versions",
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                plan_id = table.Column<Guid>(type: t.Guid, nullable: false),
                number = table.Column<int>(type: t.Int, nullable: false),
                name = table.Column<string>(type: t.String(200), maxLength: 200, nullable: false),
                definition = table.Column<string>(type: t.Text, nullable: false),
                content_hash = table.Column<string>(type: t.String(64), maxLength: 64, nullable: false),
                source_file = table.Column<string>(type: t.String(500), maxLength: 500, nullable: true),
                created_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_plan_versions", x => x.id);
                table.ForeignKey("fk_plan_versions_plans_plan_id", x => x.plan_id, "plans", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "plan_questions",
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                plan_version_id = table.Column<Guid>(type: t.Guid, nullable: false),
                key = table.Column<string>(type: t.String(64), maxLength: 64, nullable: false),
                ordinal = table.Column<int>(type: t.Int, nullable: false),
                text = table.Column<string>(type: t.String(500), maxLength: 500, nullable: false),
                type = table.Column<string>(type: t.String(16), maxLength: 16, nullable: false),
                feature = table.Column<string>(type: t.String(64), maxLength: 64, nullable: true),
                required = table.Column<bool>(type: t.Bool, nullable: false),
                audience = table.Column<string>(type: t.String(16), maxLength: 16, nullable: false),
                options = table.Column<string>(type: t.Text, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_plan_questions", x => x.id);
                table.ForeignKey("fk_plan_questions_plan_versions_plan_version_id", x => x.plan_version_id, "plan_versions", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "review_cycles",
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                plan_id = table.Column<Guid>(type: t.Guid, nullable: false),
                plan_version_id = table.Column<Guid>(type: t.Guid, nullable: false),
                starts_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
                ends_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
                state = table.Column<string>(type: t.String(16), maxLength: 16, nullable: false),
                sample_seed = table.Column<int>(type: t.Int, nullable: true),
                created_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_review_cycles", x => x.id);
                table.ForeignKey("fk_review_cycles_plan_versions_plan_version_id", x => x.plan_version_id, "plan_versions", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_review_cycles_plans_plan_id", x => x.plan_id, "plans", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "invitations",
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                cycle_id = table.Column<Guid>(type: t.Guid, nullable: false),
                person_id = table.Column<Guid>(type: t.Guid, nullable: false),
                state = table.Column<string>(type: t.String(16), maxLength: 16, nullable: false),
                created_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
                sent_at = table.Column<DateTime>(type: t.Timestamp, nullable: true),
                reminders_sent = table.Column<int>(type: t.Int, nullable: false),
                last_reminded_at = table.Column<DateTime>(type: t.Timestamp, nullable: true),
                answered_at = table.Column<DateTime>(type: t.Timestamp, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_invitations", x => x.id);
                table.ForeignKey("fk_invitations_people_person_id", x => x.person_id, "people", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_invitations_review_cycles_cycle_id", x => x.cycle_id, "review_cycles", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "responses",
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                cycle_id = table.Column<Guid>(type: t.Guid, nullable: false),
                respondent_key = table.Column<string>(type: t.String(200), maxLength: 200, nullable: false),
                audience = table.Column<string>(type: t.String(16), maxLength: 16, nullable: false),
                method = table.Column<string>(type: t.String(32), maxLength: 32, nullable: false),
                segment = table.Column<string>(type: t.String(200), maxLength: 200, nullable: true),
                submitted_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
                duration_seconds = table.Column<double>(type: t.Double, nullable: true),
                idempotency_key = table.Column<string>(type: t.String(200), maxLength: 200, nullable: false),
                received_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_responses", x => x.id);
                table.ForeignKey("fk_responses_review_cycles_cycle_id", x => x.cycle_id, "review_cycles", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "answers",
            columns: table => new
            {
                response_id = table.Column<Guid>(type: t.Guid, nullable: false),
                question_id = table.Column<Guid>(type: t.Guid, nullable: false),
                value = table.Column<string>(type: t.String(4000), maxLength: 4000, nullable: false),
                number = table.Column<double>(type: t.Double, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_answers", x => new { x.response_id, x.question_id });
                table.ForeignKey("fk_answers_plan_questions_question_id", x => x.question_id, "plan_questions", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_answers_responses_response_id", x => x.response_id, "responses", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("ix_answers_question_id", "answers", "question_id");
        migrationBuilder.CreateIndex("ix_invitations_cycle_id_person_id", "invitations", ["cycle_id", "person_id"], unique: true);
        migrationBuilder.CreateIndex("ix_invitations_person_id", "invitations", "person_id");
        migrationBuilder.CreateIndex("ix_people_tenant_id_channel_user_id", "people", ["tenant_id", "channel_user_id"], unique: true);
        migrationBuilder.CreateIndex("ix_person_segments_name_value", "person_segments", ["name", "value"]);
        migrationBuilder.CreateIndex("ix_plan_questions_plan_version_id_key", "plan_questions", ["plan_version_id", "key"], unique: true);
        migrationBuilder.CreateIndex("ix_plan_versions_plan_id_number", "plan_versions", ["plan_id", "number"], unique: true);
        migrationBuilder.CreateIndex("ix_plans_tenant_id_key", "plans", ["tenant_id", "key"], unique: true);
        migrationBuilder.CreateIndex("ix_responses_cycle_id_idempotency_key", "responses", ["cycle_id", "idempotency_key"], unique: true);
        migrationBuilder.CreateIndex("ix_responses_cycle_id_respondent_key", "responses", ["cycle_id", "respondent_key"]);
        migrationBuilder.CreateIndex("ix_review_cycles_plan_id_starts_at", "review_cycles", ["plan_id", "starts_at"], unique: true);
        migrationBuilder.CreateIndex("ix_review_cycles_plan_version_id", "review_cycles", "plan_version_id");
        migrationBuilder.CreateIndex("ix_tenants_channel_external_id", "tenants", ["channel", "external_id"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var table in new[]
                 {
                     "answers", "responses", "invitations", "review_cycles", "plan_questions", "plan_versions",
                     "person_segments", "plans", "people", "tenants",
                 })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
