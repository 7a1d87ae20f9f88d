using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FeedbackBot.Data.Migrations;

[DbContext(typeof(FeedbackDbContext))]
[Migration("20261125000000_Reviews")]
public sealed class ReviewSnapshots : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var t = new StoreTypes(migrationBuilder.ActiveProvider);

        migrationBuilder.CreateTable(
            name: "reviews",
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                plan_id = table.Column<Guid>(type: t.Guid, nullable: false),
                cycle_id = table.Column<Guid>(type: t.Guid, nullable: false),
                document = table.Column<string>(type: t.Text, nullable: false),
                created_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_reviews", x => x.id);
                table.ForeignKey("fk_reviews_plans_plan_id", x => x.plan_id, "plans", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_reviews_review_cycles_cycle_id", x => x.cycle_id, "review_cycles", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("ix_reviews_plan_id_created_at", "reviews", ["plan_id", "created_at"]);
        migrationBuilder.CreateIndex("ix_reviews_cycle_id", "reviews", ["cycle_id"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("reviews");
    }
}
