using FeedbackBot.Data;
using FeedbackBot.Jobs.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FeedbackBot.Infrastructure.Storage;

/// <summary>
/// Brings the configured database up to the latest migration, and on PostgreSQL Hangfire's schema up to its version;
/// used at start-up and by <c>feedbackbot migrate</c>. Each step takes a lock, so instances starting together wait for
/// one another instead of racing. (On SQLite, Hangfire creates its tables itself: one process owns the file.)
/// </summary>
internal sealed class DatabaseMigrator(IServiceScopeFactory scopes, IOptions<DatabaseOptions> options, ILogger<DatabaseMigrator> logger)
{
    /// <returns>The migrations that were applied, oldest first.</returns>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            FeedbackDatabase.EnsureSqliteDirectory(settings.ConnectionString);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        if (pending.Count > 0 && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Applied {Count} migration(s) to the {Provider} database: {Migrations}",
                pending.Count, settings.Provider, string.Join(", ", pending));
        }

        if (settings.Provider == DatabaseProvider.Postgres)
        {
            await InstallJobSchemaAsync(settings.ConnectionString, cancellationToken);
        }

        return pending;
    }

    private static async Task InstallJobSchemaAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(hashtext('feedbackbot.hangfire-schema'))", connection))
        {
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            SchedulerStorage.InstallPostgresSchema(connection);
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtext('feedbackbot.hangfire-schema'))", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
