using FeedbackBot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Infrastructure.Storage;

/// <summary>Brings the configured database up to the latest migration; used at start-up and by <c>feedbackbot migrate</c>.</summary>
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

        return pending;
    }
}
