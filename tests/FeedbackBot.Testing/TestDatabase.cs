using FeedbackBot.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Testing;

/// <summary>An empty database of its own for one test: a SQLite file, or a fresh database on the test PostgreSQL.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly PostgresCluster? _cluster;
    private readonly string? _directory;

    private TestDatabase(DatabaseProvider provider, string connectionString, PostgresCluster? cluster, string? directory)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _cluster = cluster;
        _directory = directory;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var cluster = await PostgresCluster.GetAsync();
            return new TestDatabase(provider, await cluster.CreateDatabaseAsync("feedbackbot_test"), cluster, null);
        }

        var directory = Path.Combine(Path.GetTempPath(), $"feedbackbot-test-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "feedbackbot.db");
        return new TestDatabase(provider, $"Data Source={file}", null, directory);
    }

    /// <summary>An empty database on a cluster the test owns; it goes when the cluster does.</summary>
    public static async Task<TestDatabase> CreateAsync(PrivatePostgresCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return new TestDatabase(DatabaseProvider.Postgres, await cluster.CreateDatabaseAsync("feedbackbot_test"), null, null);
    }

    public FeedbackDbContext CreateContext() => new(FeedbackDatabase.CreateOptions(Provider, ConnectionString));

    public async Task<FeedbackDbContext> CreateMigratedContextAsync()
    {
        var context = CreateContext();
        await context.Database.MigrateAsync();
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DropDatabaseAsync(ConnectionString);
        }

        if (_directory is not null)
        {
            SqliteConnection.ClearAllPools();
            await DeleteDirectoryAsync(_directory);
        }
    }

    // The host is gone by now, but a connection it opened can still be letting go of its journal, which SQLite
    // creates and deletes beside the database: a file appearing mid-delete is not a failure of the test.
    private static async Task DeleteDirectoryAsync(string directory)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
                return;
            }
            catch (IOException) when (attempt < 20)
            {
                await Task.Delay(50);
            }
        }
    }
}
