using Microsoft.EntityFrameworkCore.Migrations;

namespace FeedbackBot.Data.Migrations;

/// <summary>
/// Changes a SQLite table in a way ALTER TABLE cannot (a column's nullability, a new foreign key) by building the new
/// table beside it, copying the rows, and swapping it in. EF Core does this itself only for migrations that carry a
/// target model, which hand-written ones do not. Foreign keys are off meanwhile, so dropping the old table cascades
/// to nothing and the tables that refer to it refer to the new one by name afterwards.
/// </summary>
internal static class SqliteTableRebuild
{
    public static void Run(MigrationBuilder migrationBuilder, string table, Action<string> create, IReadOnlyList<string> copiedColumns, Action createIndexes)
    {
        var temporary = "ef_temp_" + table;
        var columns = string.Join(", ", copiedColumns.Select(c => $"\"{c}\""));
        migrationBuilder.Sql("PRAGMA foreign_keys = 0;", suppressTransaction: true);
        create(temporary);
        migrationBuilder.Sql($"INSERT INTO \"{temporary}\" ({columns}) SELECT {columns} FROM \"{table}\";");
        migrationBuilder.DropTable(table);
        migrationBuilder.RenameTable(temporary, newName: table);
        createIndexes();
        migrationBuilder.Sql("PRAGMA foreign_keys = 1;", suppressTransaction: true);
    }
}
