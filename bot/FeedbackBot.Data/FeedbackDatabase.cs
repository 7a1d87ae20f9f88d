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
    /// The connection string the bot's own contexts use. On PostgreSQL, for each of two settings the operator's string
    /// does not mention:
    /// <list type="bullet">
    /// <item>a connection going back to Npgsql's pool is not reset (<c>No Reset On Close</c>): the reset is a
    /// <c>DISCARD ALL</c> the server runs each time the connection is next used, and a chat answer opens and closes
    /// its connection for each statement, so the resets cost the database more than the answers did. The bot's
    /// contexts leave no session state behind but prepared statements, which are kept on purpose; an open
    /// transaction is still rolled back, and the migration lock is released before its connection goes back
    /// (docs/decisions/0027);</item>
    /// <item>statements run often are prepared on each connection (<c>Max Auto Prepare</c>), so the server parses and
    /// plans an answer's few statements once per connection rather than on every answer (docs/decisions/0028).</item>
    /// </list>
    /// The scheduler, which listens per session, keeps the operator's string and its reset.
    /// </summary>
    public static string RuntimeConnectionString(DatabaseProvider provider, string connectionString)
    {
        if (provider != DatabaseProvider.Postgres)
        {
            return connectionString;
        }

        // Npgsql's own builder answers for every keyword it knows; the operator's words are read as written.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>().Select(k => k.Replace(" ", string.Empty, StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var runtime = new NpgsqlConnectionStringBuilder(connectionString);
        if (!written.Contains("NoResetOnClose"))
        {
            runtime.NoResetOnClose = true;
        }

        if (!written.Contains("MaxAutoPrepare"))
        {
            runtime.MaxAutoPrepare = AutoPreparedStatements;
        }

        return runtime.ConnectionString;
    }

    // The answer path runs about five distinct statements and the rest of the bot a few dozen often enough to matter;
    // each prepared statement holds a little memory on its server session.
    private const int AutoPreparedStatements = 50;

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
