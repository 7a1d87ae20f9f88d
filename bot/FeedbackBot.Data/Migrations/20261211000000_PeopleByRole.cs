using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FeedbackBot.Data.Migrations;

/// <summary>
/// Every chat turn asks whether its tenant has an admin yet (the first person to speak in a tenant without one
/// becomes it). Without an index on the role that question reads every person of the tenant: in a tenant of
/// 100,000 staff, on every answer to a pulse.
/// </summary>
[DbContext(typeof(FeedbackDbContext))]
[Migration("20261211000000_PeopleByRole")]
public sealed class PeopleByRole : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateIndex("ix_people_tenant_id_role", "people", ["tenant_id", "role"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropIndex("ix_people_tenant_id_role", "people");
    }
}
