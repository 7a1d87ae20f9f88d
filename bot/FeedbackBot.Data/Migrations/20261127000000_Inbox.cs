using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FeedbackBot.Data.Migrations;

[DbContext(typeof(FeedbackDbContext))]
[Migration("20261127000000_Inbox")]
public sealed class InboxTable : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var t = new StoreTypes(migrationBuilder.ActiveProvider);

        migrationBuilder.CreateTable(
            name: "inbox",
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                channel = table.Column<string>(type: t.String(16), maxLength: 16, nullable: false),
                delivery_key = table.Column<string>(type: t.String(300), maxLength: 300, nullable: false),
                payload = table.Column<string>(type: t.Text, nullable: true),
                received_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
                claimed_until = table.Column<DateTime>(type: t.Timestamp, nullable: true),
                processed_at = table.Column<DateTime>(type: t.Timestamp, nullable: true),
                attempts = table.Column<int>(type: t.Int, nullable: false),
                last_error = table.Column<string>(type: t.String(2000), maxLength: 2000, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_inbox", x => x.id));

        migrationBuilder.CreateIndex("ix_inbox_channel_delivery_key", "inbox", ["channel", "delivery_key"], unique: true);
        migrationBuilder.CreateIndex("ix_inbox_processed_at", "inbox", ["processed_at"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("inbox");
    }
}
