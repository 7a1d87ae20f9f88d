using System.Globalization;
using FeedbackBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.Scorecards;

/// <summary>The stored interaction log as one line each, so a test compares what an operator would see.</summary>
internal static class Interactions
{
    /// <summary>
    /// <c>key|agent|person|channel|started (UTC)|seconds|queue</c> sorted by key; the person is the roster's e-mail address
    /// or platform id of the person the agent was resolved to, empty when none.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ReadAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var people = await db.People.ToDictionaryAsync(p => p.Id, p => p.Email ?? p.ChannelUserId);
        var rows = await db.MonitoredInteractions.ToListAsync();
        return [.. rows
            .OrderBy(i => i.InteractionKey, StringComparer.Ordinal)
            .Select(i => string.Join('|',
                i.InteractionKey,
                i.Agent,
                i.AgentPersonId is { } id ? people[id] : "",
                i.Channel,
                i.StartedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture),
                i.DurationSeconds?.ToString(CultureInfo.InvariantCulture) ?? "",
                i.Queue ?? ""))];
    }
}
