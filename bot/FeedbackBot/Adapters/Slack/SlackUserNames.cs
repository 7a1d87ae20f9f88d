using System.Collections.Concurrent;
using FeedbackBot.Channels.Slack;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Adapters.Slack;

/// <summary>
/// People's names for the conversation features, from <c>users.info</c>. Events carry only a user id; the names are
/// kept for an hour so a busy channel does not spend the method's rate limit.
/// </summary>
internal sealed class SlackUserNames(SlackWebApiClient api, TimeProvider clock, ILogger<SlackUserNames> log)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromHours(1);
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<(string Team, string User), (string Name, DateTimeOffset Until)> _names = new();

    public async Task<BotUser> UserAsync(SlackWorkspace workspace, string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_names.TryGetValue((workspace.TeamId, userId), out var known) && known.Until > now)
        {
            return new BotUser(userId, known.Name);
        }

        try
        {
            var info = await api.GetUserAsync(workspace.BotToken, userId, cancellationToken);
            var name = FirstNonEmpty(info.RealName, info.Name) ?? userId;
            if (_names.Count >= MaxEntries)
            {
                _names.Clear();
            }

            _names[(workspace.TeamId, userId)] = (name, now + KeepFor);
            return new BotUser(userId, name);
        }
        catch (SlackApiException error)
        {
            // No name is not a reason to leave the person unanswered; an empty one keeps whatever name we had.
            log.LogWarning("users.info failed for a Slack user: {Error}", error.Error);
            return new BotUser(userId, string.Empty);
        }
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
