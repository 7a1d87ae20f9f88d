using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FeedbackBot.Data.Migrations;

[DbContext(typeof(FeedbackDbContext))]
[Migration("20261126000000_Conversations")]
public sealed class ConversationTables : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var t = new StoreTypes(migrationBuilder.ActiveProvider);

        migrationBuilder.CreateTable(
            name: "conversation_references",
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                tenant_id = table.Column<Guid>(type: t.Guid, nullable: false),
                person_id = table.Column<Guid>(type: t.Guid, nullable: true),
                conversation_id = table.Column<string>(type: t.String(400), maxLength: 400, nullable: false),
                service_url = table.Column<string>(type: t.String(500), maxLength: 500, nullable: true),
                bot_id = table.Column<string>(type: t.String(200), maxLength: 200, nullable: true),
                updated_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_conversation_references", x => x.id);
                table.ForeignKey("fk_conversation_references_tenants_tenant_id", x => x.tenant_id, "tenants", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_conversation_references_people_person_id", x => x.person_id, "people", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "feedback_entries",
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                tenant_id = table.Column<Guid>(type: t.Guid, nullable: false),
                feature = table.Column<string>(type: t.String(100), maxLength: 100, nullable: false),
                kind = table.Column<string>(type: t.String(16), maxLength: 16, nullable: false),
                text = table.Column<string>(type: t.String(4000), maxLength: 4000, nullable: false),
                received_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
                idempotency_key = table.Column<string>(type: t.String(200), maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_feedback_entries", x => x.id);
                table.ForeignKey("fk_feedback_entries_tenants_tenant_id", x => x.tenant_id, "tenants", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("ix_conversation_references_tenant_id_conversation_id", "conversation_references", ["tenant_id", "conversation_id"], unique: true);
        migrationBuilder.CreateIndex("ix_conversation_references_person_id", "conversation_references", ["person_id"]);
        migrationBuilder.CreateIndex("ix_feedback_entries_tenant_id_idempotency_key", "feedback_entries", ["tenant_id", "idempotency_key"], unique: true);
        migrationBuilder.CreateIndex("ix_feedback_entries_tenant_id_received_at", "feedback_entries", ["tenant_id", "received_at"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("feedback_entries");
        migrationBuilder.DropTable("conversation_references");
    }
}
