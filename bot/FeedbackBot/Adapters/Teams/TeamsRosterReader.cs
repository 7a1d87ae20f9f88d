using FeedbackBot.Channels.Teams;
using FeedbackBot.Core.People;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Adapters.Teams;

/// <summary>
/// A Teams tenant's roster: the members of every team the bot is installed in, read page by page from the Connector
/// at the serviceUrl the team's conversation last came from. Anonymous meeting guests are left out.
/// </summary>
internal sealed class TeamsRosterReader(FeedbackDbContext db, BotConnectorClient connector) : IPlatformRosterReader
{
    /// <summary>Members asked for per page; Teams' largest page is 500.</summary>
    public const int PageSize = 200;

    public TenantChannel Channel => TenantChannel.Teams;

    public string NothingToRead => "the bot is in no team of this tenant yet; add it to a team, and the team's members become the roster";

    /// <summary>The roster, or null when the bot is in no team of the tenant (then there is none to read).</summary>
    public async Task<PlatformRoster?> ReadAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var teams = (await db.ConversationReferences.AsNoTracking()
                .Where(r => r.TenantId == tenant.Id && r.TeamId != null && r.ServiceUrl != null)
                .Select(r => new { r.TeamId, r.ServiceUrl, r.UpdatedAt })
                .ToListAsync(cancellationToken))
            .GroupBy(r => r.TeamId!, StringComparer.Ordinal)
            .Select(g => (TeamId: g.Key, ServiceUrl: g.OrderByDescending(r => r.UpdatedAt).First().ServiceUrl!))
            .OrderBy(t => t.TeamId, StringComparer.Ordinal)
            .ToList();
        if (teams.Count == 0)
        {
            return null;
        }

        var users = new Dictionary<string, PlatformUser>(StringComparer.Ordinal);
        foreach (var (teamId, serviceUrl) in teams)
        {
            string? token = null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            do
            {
                var page = await connector.GetPagedMembersAsync(serviceUrl, tenant.ExternalId, teamId, PageSize, token, cancellationToken);
                foreach (var member in page.Members.Where(m => !m.IsAnonymous))
                {
                    users.TryAdd(member.Id, new PlatformUser(member.Id, member.DisplayName, EmailOf(member), new Dictionary<string, string>()));
                }

                token = page.ContinuationToken;
                if (token is not null && !seen.Add(token))
                {
                    // A page that points back at itself would list forever; better no sync than a wrong one.
                    throw new BotConnectorException($"The Connector gave the same continuation token twice for the members of team {teamId}.");
                }
            }
            while (token is not null);
        }

        return new PlatformRoster(RosterSource.Teams, [.. users.Values], [], teams.Count == 1 ? "1 team" : $"{teams.Count} teams");
    }

    // Teams leaves email empty for some accounts; their user principal name is then usually the same address.
    private static string? EmailOf(TeamsChannelAccount member) =>
        WorkEmail.TryNormalize(member.Email, out var email) ? email
        : WorkEmail.TryNormalize(member.UserPrincipalName, out var principal) ? principal
        : null;
}
