using FeedbackBot.Data;
using FeedbackBot.Infrastructure.Storage;

namespace FeedbackBot.Features.Pulses;

/// <summary>
/// The installation's key for staff respondents' pseudonyms, read once per process: every pulse answer needs it,
/// and reading it from the database on each one was a round trip per answer.
/// </summary>
internal sealed class RespondentSecret(IServiceScopeFactory scopes) : IDisposable
{
    private readonly CachedSecret _secret = new(scopes, InstallationSecrets.RespondentKeyName);

    public Task<byte[]> GetAsync(CancellationToken cancellationToken) => _secret.GetAsync(cancellationToken);

    public void Dispose() => _secret.Dispose();
}
