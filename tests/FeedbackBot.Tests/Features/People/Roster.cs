using FeedbackBot.Data.Entities;
using FeedbackBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.People;

/// <summary>What a test reads back about the people of a tenant: one line per person, in a stable order.</summary>
internal static class Roster
{
    /// <summary>
    /// Each person as <c>who|name|role|source|left?|name=value;…</c>, where who is the e-mail address and the platform
    /// id joined by a slash; sorted, so a test compares the whole roster at once.
    /// </summary>
    public static async Task<string[]> ReadAsync(TestDatabase database, string tenantExternalId = "local")
    {
        await using var db = database.CreateContext();
        var people = await db.People.AsNoTracking().Include(p => p.Segments)
            .Where(p => p.Tenant!.ExternalId == tenantExternalId)
            .ToListAsync();
        return [.. people.Select(Line).Order(StringComparer.Ordinal)];
    }

    public static string Line(Person person) =>
        $"{person.Email}/{person.ChannelUserId}|{person.DisplayName}|{person.Role}|{person.RosterSource}|{(person.LeftAt is null ? "here" : "left")}|" +
        string.Join(';', person.Segments.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => $"{s.Name}={s.Value}"));
}
