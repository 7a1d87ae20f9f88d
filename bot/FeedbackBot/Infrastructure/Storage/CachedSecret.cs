using FeedbackBot.Data;

namespace FeedbackBot.Infrastructure.Storage;

/// <summary>
/// One installation secret (a link signing key, a hashing key), read from the database or made there on first use,
/// then kept for the life of the process: every instance of the bot reads the same one, and none is asked for it twice.
/// </summary>
internal sealed class CachedSecret(IServiceScopeFactory scopes, string name) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _value;

    public void Dispose() => _gate.Dispose();

    public async Task<byte[]> GetAsync(CancellationToken cancellationToken)
    {
        if (_value is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_value is null)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
                _value = await InstallationSecrets.GetOrCreateAsync(db, name, cancellationToken);
            }

            return _value;
        }
        finally
        {
            _gate.Release();
        }
    }
}
