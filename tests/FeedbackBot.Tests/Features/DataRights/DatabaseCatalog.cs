using System.Data.Common;
using FeedbackBot.Data;
using FeedbackBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.DataRights;

/// <summary>
/// Every table and column of a test database as its own catalog lists them (sqlite_master and table_info on SQLite,
/// information_schema on PostgreSQL), so a table added later is searched without anyone listing it here.
/// </summary>
internal static class DatabaseCatalog
{
    /// <summary>
    /// Each <c>table.column</c> holding a value that contains one of <paramref name="needles"/> (compared in lower
    /// case, every column read as text, ids and timestamps included), with how many rows do.
    /// </summary>
    public static async Task<IReadOnlyList<string>> FindAsync(TestDatabase database, IReadOnlyList<string> needles)
    {
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var columns = await ColumnsAsync(connection, database.Provider);
        Assert.True(columns.Count > 100, $"The catalog listed only {columns.Count} columns: the search would prove nothing.");
        var found = new List<string>();
        foreach (var (schema, table, column) in columns)
        {
            foreach (var needle in needles)
            {
                var name = schema is null ? Quote(table) : $"{Quote(schema)}.{Quote(table)}";
                var text = database.Provider == DatabaseProvider.Postgres ? $"CAST({Quote(column)} AS text)" : $"CAST({Quote(column)} AS TEXT)";
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT COUNT(*) FROM {name} WHERE lower({text}) LIKE @needle";
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@needle";
                parameter.Value = "%" + needle.ToLowerInvariant() + "%";
                command.Parameters.Add(parameter);
                var count = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
                if (count > 0)
                {
                    found.Add($"{table}.{column}: {count} row(s) contain '{needle}'");
                }
            }
        }

        return found;
    }

    private static async Task<List<(string? Schema, string Table, string Column)>> ColumnsAsync(DbConnection connection, DatabaseProvider provider)
    {
        var columns = new List<(string?, string, string)>();
        await using var command = connection.CreateCommand();
        command.CommandText = provider == DatabaseProvider.Postgres
            ? "SELECT c.table_schema, c.table_name, c.column_name FROM information_schema.columns c JOIN information_schema.tables t "
              + "ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
              + "WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2, 3"
            : "SELECT NULL, m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' ORDER BY 2, 3";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add((reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return columns;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
