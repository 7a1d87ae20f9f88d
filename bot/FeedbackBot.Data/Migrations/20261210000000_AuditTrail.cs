using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FeedbackBot.Data.Migrations;

/// <summary>
/// The audit trail records acts that belong to no tenant (pausing one of the bot's own jobs), so an entry's tenant
/// becomes optional. Existing entries keep theirs.
/// </summary>
[DbContext(typeof(FeedbackDbContext))]
[Migration("20261210000000_AuditTrail")]
public sealed class AuditTrail : Migration
{
    private static readonly string[] Columns = ["id", "tenant_id", "at", "actor", "action", "subject", "detail"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var t = new StoreTypes(migrationBuilder.ActiveProvider);
        if (t.IsPostgres)
        {
            migrationBuilder.AlterColumn<Guid>("tenant_id", "audit_entries", type: t.Guid, nullable: true, oldType: t.Guid, oldNullable: false);
            return;
        }

        // SQLite cannot make a column nullable in place: the table is built again beside the old one and swapped in.
        SqliteTableRebuild.Run(migrationBuilder, "audit_entries", name => CreateAuditEntries(migrationBuilder, t, name, tenantNullable: true), Columns,
            () => migrationBuilder.CreateIndex("ix_audit_entries_tenant_id_at", "audit_entries", ["tenant_id", "at"]));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var t = new StoreTypes(migrationBuilder.ActiveProvider);

        // Entries of no tenant cannot be kept under a required tenant.
        migrationBuilder.Sql("DELETE FROM audit_entries WHERE tenant_id IS NULL;");
        if (t.IsPostgres)
        {
            migrationBuilder.AlterColumn<Guid>("tenant_id", "audit_entries", type: t.Guid, nullable: false, oldType: t.Guid, oldNullable: true);
            return;
        }

        SqliteTableRebuild.Run(migrationBuilder, "audit_entries", name => CreateAuditEntries(migrationBuilder, t, name, tenantNullable: false), Columns,
            () => migrationBuilder.CreateIndex("ix_audit_entries_tenant_id_at", "audit_entries", ["tenant_id", "at"]));
    }

    private static void CreateAuditEntries(MigrationBuilder migrationBuilder, StoreTypes t, string name, bool tenantNullable) =>
        migrationBuilder.CreateTable(
            name: name,
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                tenant_id = table.Column<Guid>(type: t.Guid, nullable: tenantNullable),
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
}
