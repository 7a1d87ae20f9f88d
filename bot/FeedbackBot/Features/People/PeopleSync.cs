using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Infrastructure.Tenancy;
using FeedbackBot.Jobs.People;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.People;

/// <summary>
/// Synchronises a tenant's people with its platform's roster: the whole list is read first, then applied in one
/// transaction, so a platform that fails part way (a 429 or 500 past the retries, a page that never comes) leaves
/// everyone as they were and marks nobody as left.
/// </summary>
internal sealed class PeopleSync(
    FeedbackDbContext db, IEnumerable<IPlatformRosterReader> readers, TimeProvider clock, ILogger<PeopleSync> log) : IPeopleSync
{
    public async Task SyncAllAsync(CancellationToken cancellationToken)
    {
        var tenants = await PlatformTenantsAsync(cancellationToken);
        var failed = new List<string>();
        foreach (var tenant in tenants)
        {
            try
            {
                var outcome = await SyncAsync(tenant, cancellationToken);
                if (log.IsEnabled(LogLevel.Information))
                {
                    log.LogInformation("People of {Tenant}: {Outcome}", NameOf(tenant), outcome);
                }
            }
            catch (Exception error) when (IsFailure(error, cancellationToken))
            {
                // One tenant's platform failing is no reason to leave the others out of date.
                log.LogWarning(error, "People of {Tenant} were not synchronised; nothing of theirs changed", NameOf(tenant));
                failed.Add($"{NameOf(tenant)}: {error.Message}");
            }
        }

        if (failed.Count > 0)
        {
            throw new PeopleSyncException($"The people of {failed.Count} tenant(s) were not synchronised, and nothing of theirs changed: {string.Join("; ", failed)}");
        }
    }

    /// <summary>The tenants a roster can be read for: every Teams and Slack tenant, oldest first.</summary>
    public async Task<IReadOnlyList<Tenant>> PlatformTenantsAsync(CancellationToken cancellationToken) =>
        await db.Tenants.AsNoTracking().Where(t => t.Channel != TenantChannel.Local).OrderBy(t => t.CreatedAt).ThenBy(t => t.ExternalId).ToListAsync(cancellationToken);

    /// <summary>Reads the tenant's roster from its platform and applies it; says so when there is none to read.</summary>
    public async Task<PeopleSyncOutcome> SyncAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var reader = readers.FirstOrDefault(r => r.Channel == tenant.Channel);
        var roster = reader is null ? null : await reader.ReadAsync(tenant, cancellationToken);
        if (roster is null)
        {
            return new PeopleSyncOutcome { NothingToSync = reader?.NothingToRead ?? NoPlatform };
        }

        db.ChangeTracker.Clear();
        return await PlatformRosterApply.ApplyAsync(db, tenant.Id, roster, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    public static string NameOf(Tenant tenant) => new TenantSelector(tenant.Channel, tenant.ExternalId).ToString();

    /// <summary>Anything but the caller giving up: a platform's refusal, a timeout, a clash with another sync.</summary>
    public static bool IsFailure(Exception error, CancellationToken cancellationToken) =>
        !(error is OperationCanceledException && cancellationToken.IsCancellationRequested);

    private const string NoPlatform = "this tenant has no platform to read a roster from; import one with 'feedbackbot import people FILE.csv'";
}
