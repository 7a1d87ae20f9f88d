using FeedbackBot.Data;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FeedbackBot.Jobs.Scheduling;

/// <summary>
/// Hangfire's storage on the bot's own database (docs/decisions/0012-hangfire-storage.md): on PostgreSQL its own
/// <c>hangfire</c> schema, which the bot's migration step prepares under the migration lock so instances starting
/// together do not race; on SQLite its own tables (<c>Job</c>, <c>State</c>, <c>Hash</c>...) in the same file as the bot's.
/// </summary>
public static class SchedulerStorage
{
    public const string PostgresSchema = "hangfire";

    public static JobStorage Create(SchedulerDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            var options = new PostgreSqlStorageOptions
            {
                SchemaName = PostgresSchema,
                PrepareSchemaIfNecessary = false,
                // LISTEN/NOTIFY: a job enqueued on one instance (run PLAN now) starts at once on whichever picks it up.
                EnableLongPolling = true,
                QueuePollInterval = TimeSpan.FromSeconds(5),
                DistributedLockTimeout = TimeSpan.FromMinutes(1),
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, options), options);
        }

        FeedbackDatabase.EnsureSqliteDirectory(database.ConnectionString);
        return new SQLiteStorage(SqlitePath(database.ConnectionString), new SQLiteStorageOptions
        {
            Prefix = "hangfire",
            QueuePollInterval = TimeSpan.FromSeconds(1),
        });
    }

    /// <summary>Creates or upgrades Hangfire's schema on PostgreSQL; the caller holds the migration lock.</summary>
    public static void InstallPostgresSchema(NpgsqlConnection connection) =>
        PostgreSqlObjectsInstaller.Install(connection, PostgresSchema);

    private static string SqlitePath(string connectionString)
    {
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrWhiteSpace(path) || path == ":memory:")
        {
            throw new InvalidOperationException("The job store needs a SQLite database file; an in-memory database cannot be shared with the scheduler.");
        }

        return Path.GetFullPath(path);
    }
}
