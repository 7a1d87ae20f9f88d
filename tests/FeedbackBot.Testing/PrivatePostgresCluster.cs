namespace FeedbackBot.Testing;

/// <summary>A PostgreSQL cluster one test owns, so it may stop and start the server while the bot runs.</summary>
public sealed class PrivatePostgresCluster : IAsyncDisposable
{
    private readonly PostgresCluster _cluster;
    private int _removed;

    internal PrivatePostgresCluster(PostgresCluster cluster) => _cluster = cluster;

    public Task<string> CreateDatabaseAsync(string prefix) => _cluster.CreateDatabaseAsync(prefix);

    /// <summary>Stops the server; clients' connections are closed and new ones refused until it starts again.</summary>
    public Task StopAsync() => _cluster.StopServerAsync();

    /// <summary>Starts the server again on the same port and returns once it takes connections.</summary>
    public Task StartAsync() => _cluster.StartServerAsync();

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _removed, 1) == 0)
        {
            _cluster.Remove();
        }

        return ValueTask.CompletedTask;
    }
}
