using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FeedbackBot.Data.Migrations;

[DbContext(typeof(FeedbackDbContext))]
[Migration("20261129000000_Outbox")]
public sealed class OutboxTable : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var t = new StoreTypes(migrationBuilder.ActiveProvider);

        migrationBuilder.CreateTable(
            name: "outbox_messages",
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                tenant_id = table.Column<Guid>(type: t.Guid, nullable: false),
                kind = table.Column<string>(type: t.String(16), maxLength: 16, nullable: false),
                dedupe_key = table.Column<string>(type: t.String(300), maxLength: 300, nullable: false),
                person_id = table.Column<Guid>(type: t.Guid, nullable: true),
                cycle_id = table.Column<Guid>(type: t.Guid, nullable: true),
                review_id = table.Column<Guid>(type: t.Guid, nullable: true),
                target_channel = table.Column<string>(type: t.String(16), maxLength: 16, nullable: true),
                target_conversation = table.Column<string>(type: t.String(400), maxLength: 400, nullable: true),
                body = table.Column<string>(type: t.Text, nullable: true),
                state = table.Column<string>(type: t.String(16), maxLength: 16, nullable: false),
                attempts = table.Column<int>(type: t.Int, nullable: false),
                next_attempt_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
                claimed_until = table.Column<DateTime>(type: t.Timestamp, nullable: true),
                sent_at = table.Column<DateTime>(type: t.Timestamp, nullable: true),
                last_error = table.Column<string>(type: t.String(2000), maxLength: 2000, nullable: true),
                created_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_outbox_messages", x => x.id);
                table.ForeignKey("fk_outbox_messages_tenants_tenant_id", x => x.tenant_id, "tenants", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("ix_outbox_messages_dedupe_key", "outbox_messages", ["dedupe_key"], unique: true);
        migrationBuilder.CreateIndex("ix_outbox_messages_state_next_attempt_at", "outbox_messages", ["state", "next_attempt_at"]);
        migrationBuilder.CreateIndex("ix_outbox_messages_cycle_id", "outbox_messages", ["cycle_id"]);
        migrationBuilder.CreateIndex("ix_outbox_messages_tenant_id", "outbox_messages", ["tenant_id"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("outbox_messages");
    }
}
