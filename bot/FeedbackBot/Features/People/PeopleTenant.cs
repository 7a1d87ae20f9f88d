using FeedbackBot.CommandLine;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Infrastructure.Tenancy;

namespace FeedbackBot.Features.People;

/// <summary>The tenant a roster command works on.</summary>
internal static class PeopleTenant
{
    /// <summary>
    /// The tenant <paramref name="selector"/> names. The local tenant is made when missing, as the playground and the
    /// command line share it; a Teams or Slack tenant exists once the bot is installed there, so a missing one is
    /// almost always a mistyped id.
    /// </summary>
    /// <exception cref="UsageException">A Teams or Slack tenant the bot does not know.</exception>
    public static async Task<Tenant> FindAsync(FeedbackDbContext db, TenantSelector selector, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selector);
        if (selector.Channel == TenantChannel.Local)
        {
            var local = await selector.GetOrCreateAsync(db, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return local;
        }

        return await selector.FindAsync(db, cancellationToken)
            ?? throw new UsageException(
                $"No tenant {selector}: the bot has not been installed there, or nobody has spoken to it yet. " +
                "Check the id (the Entra tenant id for Teams, the workspace's team id T... for Slack); nothing was stored.");
    }
}
