using FeedbackBot.Channels.Slack;
using FeedbackBot.Core.People;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.People;

namespace FeedbackBot.Adapters.Slack;

/// <summary>
/// A Slack tenant's roster: the workspace's members from <c>users.list</c>, page by page. Bots and Slackbot are left
/// out, and so are deactivated accounts: someone deactivated has gone.
/// </summary>
internal sealed class SlackRosterReader(SlackWorkspaces workspaces, SlackWebApiClient slack) : IPlatformRosterReader
{
    /// <summary>Members asked for per page: Slack recommends no more than 200.</summary>
    public const int PageSize = 200;

    private static readonly string[] Attributes = [SegmentNames.Title];

    public TenantChannel Channel => TenantChannel.Slack;

    public string NothingToRead => "the bot has no token for this workspace; install it through the install link, or set Slack:BotToken";

    /// <summary>The roster, or null when the bot has no token for the workspace (then it cannot read one).</summary>
    public async Task<PlatformRoster?> ReadAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (await workspaces.FindAsync(tenant.ExternalId, cancellationToken) is not { } workspace)
        {
            return null;
        }

        var users = new Dictionary<string, PlatformUser>(StringComparer.Ordinal);
        string? cursor = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            var page = await slack.ListUsersAsync(workspace.BotToken, cursor, PageSize, cancellationToken);
            foreach (var member in page.Members.Where(m => m.IsPerson))
            {
                var segments = new Dictionary<string, string>(StringComparer.Ordinal);
                if (member.Title?.Trim() is { Length: > 0 } title)
                {
                    segments[SegmentNames.Title] = title.Length <= SegmentNames.MaxValueLength ? title : title[..SegmentNames.MaxValueLength];
                }

                users.TryAdd(member.Id, new PlatformUser(member.Id, member.BestName, WorkEmail.TryNormalize(member.Email, out var email) ? email : null, segments));
            }

            cursor = page.NextCursor;
            if (cursor is not null && !seen.Add(cursor))
            {
                // A page that points back at itself would list forever; better no sync than a wrong one.
                throw new SlackApiException("users.list", "repeated_cursor", detail: "the same next_cursor came twice");
            }
        }
        while (cursor is not null);

        return new PlatformRoster(RosterSource.Slack, [.. users.Values], Attributes, "the workspace");
    }
}
