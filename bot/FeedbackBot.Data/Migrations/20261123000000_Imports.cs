using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FeedbackBot.Data.Migrations;

[DbContext(typeof(FeedbackDbContext))]
[Migration("20261123000000_Imports")]
// Not named Imports: that is a Visual Basic keyword (CA1716). The migration id keeps the short name.
public sealed class ImportTables : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var t = new StoreTypes(migrationBuilder.ActiveProvider);

        migrationBuilder.CreateTable(
            name: "installation_secrets",
            columns: table => new
            {
                name = table.Column<string>(type: t.String(64), maxLength: 64, nullable: false),
                value = table.Column<byte[]>(type: t.Bytes, nullable: false),
                created_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_installation_secrets", x => x.name));

        migrationBuilder.CreateTable(
            name: "complaints",
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                plan_id = table.Column<Guid>(type: t.Guid, nullable: false),
                received_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
                category = table.Column<string>(type: t.String(100), maxLength: 100, nullable: false),
                channel = table.Column<string>(type: t.String(50), maxLength: 50, nullable: true),
                segment = table.Column<string>(type: t.String(200), maxLength: 200, nullable: true),
                text = table.Column<string>(type: t.String(4000), maxLength: 4000, nullable: false),
                resolved_at = table.Column<DateTime>(type: t.Timestamp, nullable: true),
                idempotency_key = table.Column<string>(type: t.String(200), maxLength: 200, nullable: false),
                imported_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_complaints", x => x.id);
                table.ForeignKey("fk_complaints_plans_plan_id", x => x.plan_id, "plans", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "operational_metric_values",
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                plan_id = table.Column<Guid>(type: t.Guid, nullable: false),
                date = table.Column<DateOnly>(type: t.Date, nullable: false),
                metric = table.Column<string>(type: t.String(64), maxLength: 64, nullable: false),
                segment = table.Column<string>(type: t.String(200), maxLength: 200, nullable: false),
                value = table.Column<double>(type: t.Double, nullable: false),
                imported_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
                updated_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_operational_metric_values", x => x.id);
                table.ForeignKey("fk_operational_metric_values_plans_plan_id", x => x.plan_id, "plans", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("ix_complaints_plan_id_idempotency_key", "complaints", ["plan_id", "idempotency_key"], unique: true);
        migrationBuilder.CreateIndex("ix_complaints_plan_id_received_at", "complaints", ["plan_id", "received_at"]);
        migrationBuilder.CreateIndex(
            "ix_operational_metric_values_plan_id_metric_date_segment", "operational_metric_values", ["plan_id", "metric", "date", "segment"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var table in new[] { "operational_metric_values", "complaints", "installation_secrets" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
