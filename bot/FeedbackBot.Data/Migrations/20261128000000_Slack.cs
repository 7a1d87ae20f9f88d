using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FeedbackBot.Data.Migrations;

[DbContext(typeof(FeedbackDbContext))]
[Migration("20261128000000_Slack")]
public sealed class SlackTables : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var t = new StoreTypes(migrationBuilder.ActiveProvider);

        migrationBuilder.CreateTable(
            name: "slack_installations",
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                tenant_id = table.Column<Guid>(type: t.Guid, nullable: false),
                team_id = table.Column<string>(type: t.String(64), maxLength: 64, nullable: false),
                team_name = table.Column<string>(type: t.String(200), maxLength: 200, nullable: false),
                app_id = table.Column<string>(type: t.String(64), maxLength: 64, nullable: false),
                bot_user_id = table.Column<string>(type: t.String(64), maxLength: 64, nullable: false),
                protected_bot_token = table.Column<string>(type: t.String(4000), maxLength: 4000, nullable: false),
                scopes = table.Column<string>(type: t.String(2000), maxLength: 2000, nullable: false),
                installed_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
                updated_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_slack_installations", x => x.id);
                table.ForeignKey("fk_slack_installations_tenants_tenant_id", x => x.tenant_id, "tenants", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "data_protection_keys",
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                friendly_name = table.Column<string>(type: t.String(200), maxLength: 200, nullable: false),
                xml = table.Column<string>(type: t.Text, nullable: false),
                created_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_data_protection_keys", x => x.id));

        migrationBuilder.CreateIndex("ix_slack_installations_team_id", "slack_installations", ["team_id"], unique: true);
        migrationBuilder.CreateIndex("ix_slack_installations_tenant_id", "slack_installations", ["tenant_id"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("data_protection_keys");
        migrationBuilder.DropTable("slack_installations");
    }
}
