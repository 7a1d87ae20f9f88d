using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Data.Tests;

/// <summary>
/// Reads a database's schema back from its catalogue as sorted lines (tables, columns with type and nullability,
/// keys, indexes, foreign keys with their delete rule), so two databases can be compared for exact equality.
/// EF Core's own bookkeeping tables are left out.
/// </summary>
internal static class SchemaDescription
{
    public static async Task<IReadOnlyList<string>> ReadAsync(FeedbackDbContext context)
    {
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            var lines = context.Database.IsNpgsql() ? await ReadPostgresAsync(connection) : await ReadSqliteAsync(connection);
            return [.. lines.Order(StringComparer.Ordinal)];
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private static async Task<List<string>> ReadSqliteAsync(DbConnection connection)
    {
        var lines = new List<string>();
        var tables = await QueryAsync(connection,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EF%'");
        foreach (var table in tables.Select(r => r[0]))
        {
            lines.Add($"table {table}");
            foreach (var c in await QueryAsync(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')"))
            {
                lines.Add($"column {table}.{c[0]} {c[1]} notnull={c[2]} pk={c[3]}");
            }

            foreach (var i in await QueryAsync(connection, $"SELECT name, \"unique\", origin FROM pragma_index_list('{table}')"))
            {
                var columns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{i[0]}') ORDER BY seqno");
                lines.Add($"index {table} unique={i[1]} origin={i[2]} ({string.Join(", ", columns.Select(r => r[0]))})" +
                    (i[2] == "c" ? $" {i[0]}" : string.Empty));
            }

            foreach (var f in await QueryAsync(connection, $"SELECT \"table\", \"from\", \"to\", on_delete, on_update FROM pragma_foreign_key_list('{table}')"))
            {
                lines.Add($"fk {table}.{f[1]} -> {f[0]}.{f[2]} delete={f[3]} update={f[4]}");
            }
        }

        return lines;
    }

    private static async Task<List<string>> ReadPostgresAsync(DbConnection connection)
    {
        var lines = new List<string>();
        foreach (var c in await QueryAsync(connection,
                     """
                     SELECT table_name, column_name, data_type, coalesce(character_maximum_length::text, ''),
                            is_nullable, coalesce(column_default, ''), is_identity
                     FROM information_schema.columns
                     WHERE table_schema = 'public' AND table_name NOT LIKE '\_\_EF%'
                     """))
        {
            lines.Add($"column {c[0]}.{c[1]} {c[2]}({c[3]}) nullable={c[4]} default={c[5]} identity={c[6]}");
        }

        foreach (var t in await QueryAsync(connection,
                     "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE '\\_\\_EF%'"))
        {
            lines.Add($"table {t[0]}");
        }

        foreach (var i in await QueryAsync(connection,
                     "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '\\_\\_EF%'"))
        {
            lines.Add($"index {i[0]}: {i[1]}");
        }

        foreach (var k in await QueryAsync(connection,
                     """
                     SELECT c.conname, t.relname, pg_get_constraintdef(c.oid)
                     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                     WHERE n.nspname = 'public' AND t.relname NOT LIKE '\_\_EF%'
                     """))
        {
            lines.Add($"constraint {k[1]}.{k[0]}: {k[2]}");
        }

        return lines;
    }

    private static async Task<List<string[]>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            }

            rows.Add(row);
        }

        return rows;
    }
}
