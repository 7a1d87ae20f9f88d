using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FeedbackBot.Data.Migrations;

/// <summary>Records which cycles a manager's <c>start pulse</c> opened to everyone the bot can reach.</summary>
[DbContext(typeof(FeedbackDbContext))]
[Migration("20261201000000_CycleOpenToEveryone")]
public sealed class CycleOpenToEveryone : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var t = new StoreTypes(migrationBuilder.ActiveProvider);
        migrationBuilder.AddColumn<DateTime>("open_to_everyone_since", "review_cycles", type: t.Timestamp, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropColumn("open_to_everyone_since", "review_cycles");
    }
}
