using FeedbackBot.Data.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;

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
