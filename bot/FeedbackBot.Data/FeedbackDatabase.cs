using FeedbackBot.Data.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace FeedbackBot.Data;

/// <summary>Points an EF Core options builder at the configured database.</summary>
public static class FeedbackDatabase
{
    public const string DefaultSqliteConnectionString = "Data Source=data/feedbackbot.db";

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return provider switch
        {
            // The SQLite table rebuilds turn foreign keys off and on outside the migration's transaction (a PRAGMA has no
            // effect inside one); the rebuild itself stays in the transaction, so the warning that such a step cannot be
            // rolled back is about a connection setting only, and would alarm every new installation for nothing.
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString)
                .ConfigureWarnings(w => w.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning)),
            // Several instances migrate one database at start-up; see PostgresMigrationLock for why the provider's lock is not enough.
            DatabaseProvider.Postgres => builder.UseNpgsql(connectionString).ReplaceService<IHistoryRepository, PostgresMigrationLock>(),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };
    }

    /// <summary>
    /// The connection string the bot's own contexts use. On PostgreSQL, unless the operator's string says otherwise,
    /// a connection going back to Npgsql's pool is not reset (<c>No Reset On Close</c>): the reset is a
    /// <c>DISCARD ALL</c> the server runs each time the connection is next used, and a chat answer opens and closes
    /// its connection for each statement, so the resets cost the database more than the answers did. The bot's
    /// contexts leave nothing behind on a session to reset (no settings, temporary tables, prepared statements or
    /// notifications; an open transaction is still rolled back, and the migration lock is released before its
    /// connection goes back). The scheduler, which listens per session, keeps the operator's string and its reset
    /// (docs/decisions/0027).
    /// </summary>
    public static string RuntimeConnectionString(DatabaseProvider provider, string connectionString)
    {
        if (provider != DatabaseProvider.Postgres)
        {
            return connectionString;
        }

        // Npgsql's own builder answers for every keyword it knows; the operator's words are read as written.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (written.Keys.Cast<string>().Any(k => k.Replace(" ", string.Empty, StringComparison.Ordinal).Equals("NoResetOnClose", StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString;
    }

    public static DbContextOptions<FeedbackDbContext> CreateOptions(DatabaseProvider provider, string connectionString) =>
        ((DbContextOptionsBuilder<FeedbackDbContext>)Configure(new DbContextOptionsBuilder<FeedbackDbContext>(), provider, connectionString)).Options;

    /// <summary>
    /// SQLite creates the database file but not its folder; create the folder so a fresh checkout runs with no set-up.
    /// </summary>
    public static void EnsureSqliteDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
