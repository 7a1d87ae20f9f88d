using FeedbackBot.Data.Entities;

namespace FeedbackBot.Features.People;

/// <summary>
/// Reads a tenant's roster from its platform: the adapter of each channel implements it (the members of the Teams
/// teams the bot is in, the Slack workspace's users), so the people sync itself names no channel.
/// </summary>
internal interface IPlatformRosterReader
{
    /// <summary>The tenants this reader serves.</summary>
    TenantChannel Channel { get; }

    /// <summary>
    /// The whole roster, every page read, before anything is stored; null when there is none to read (the bot is in
    /// no team, has no token). A platform that fails throws, and the sync changes nothing.
    /// </summary>
    Task<PlatformRoster?> ReadAsync(Tenant tenant, CancellationToken cancellationToken);

    /// <summary>Why there was nothing to read, for the summary.</summary>
    string NothingToRead { get; }
}
