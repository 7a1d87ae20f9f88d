using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FeedbackBot.Data.Migrations;

/// <summary>One send lease per tenant, so that one instance at a time sends a tenant's outbox (decision 0011).</summary>
[DbContext(typeof(FeedbackDbContext))]
[Migration("20261204100000_SendLeases")]
public sealed class SendLeases : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var t = new StoreTypes(migrationBuilder.ActiveProvider);

        migrationBuilder.CreateTable(
            name: "send_leases",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(type: t.Guid, nullable: false),
                holder = table.Column<string>(type: t.String(200), maxLength: 200, nullable: false),
                acquired_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
                expires_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_send_leases", x => x.tenant_id);
                table.ForeignKey("fk_send_leases_tenants_tenant_id", x => x.tenant_id, "tenants", "id", onDelete: ReferentialAction.Cascade);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("send_leases");
    }
}
