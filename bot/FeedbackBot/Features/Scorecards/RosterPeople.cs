using FeedbackBot.Core.People;
using FeedbackBot.Data;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Scorecards;

/// <summary>The roster's people that the names in a QA file are, for the imports of interactions and evaluations.</summary>
internal static class RosterPeople
{
    /// <summary>
    /// The tenant's people the names are, by work e-mail address (compared in lower case, as rosters store it) or by
    /// Teams or Slack id. A name two people could be (one address on two entries) is left unresolved rather than given
    /// to the wrong person: evaluations of them are confidential.
    /// </summary>
    public static async Task<Dictionary<string, Guid?>> ResolveAsync(
        FeedbackDbContext db, Guid tenantId, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var distinct = names.Distinct(StringComparer.Ordinal).ToList();
        var emails = distinct.Select(n => WorkEmail.TryNormalize(n, out var email) ? email : null).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var ids = distinct.Where(n => !WorkEmail.LooksLikeEmail(n)).ToList();
        var people = await db.People
            .Where(p => p.TenantId == tenantId && ((p.Email != null && emails.Contains(p.Email)) || (p.ChannelUserId != null && ids.Contains(p.ChannelUserId))))
            .Select(p => new { p.Id, p.Email, p.ChannelUserId })
            .ToListAsync(cancellationToken);

        var resolved = new Dictionary<string, Guid?>(StringComparer.Ordinal);
        foreach (var name in distinct)
        {
            var matches = WorkEmail.TryNormalize(name, out var email)
                ? people.Where(p => p.Email == email).Select(p => p.Id).ToList()
                : people.Where(p => p.ChannelUserId == name).Select(p => p.Id).ToList();
            resolved[name] = matches.Count == 1 ? matches[0] : null;
        }

        return resolved;
    }
}
