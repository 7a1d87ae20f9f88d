using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FeedbackBot.Data.Migrations;

/// <summary>
/// What the people sync needs: the Teams team a channel conversation belongs to (whose members are the roster), and
/// which roster set each segment value (so a platform never overwrites what a CSV roster said).
/// </summary>
[DbContext(typeof(FeedbackDbContext))]
[Migration("20261206000000_RosterSync")]
public sealed class RosterSync : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var t = new StoreTypes(migrationBuilder.ActiveProvider);
        migrationBuilder.AddColumn<string>("team_id", "conversation_references", type: t.String(200), maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<string>("source", "person_segments", type: t.String(16), maxLength: 16, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropColumn("team_id", "conversation_references");
        migrationBuilder.DropColumn("source", "person_segments");
    }
}
