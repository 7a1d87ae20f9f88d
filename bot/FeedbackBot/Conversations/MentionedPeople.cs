using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.People;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Conversations;

/// <summary>
/// The person a command names: by the channel's mention (which says exactly whom it stands for), else by platform id,
/// work e-mail address or display name, when exactly one person of the tenant fits.
/// </summary>
internal static class MentionedPeople
{
    /// <summary>The person, or why none was found, as the reply to give.</summary>
    public static async Task<(Person? Person, string? Problem)> FindAsync(
        FeedbackDbContext db, ConversationParty party, string who, IReadOnlyList<BotMention>? mentions, DateTime now, CancellationToken cancellationToken)
    {
        if (MentionOf(who, mentions) is { } mentioned)
        {
            return (await FindOrAddAsync(db, party, mentioned, now, cancellationToken), null);
        }

        var name = Strip(who);
        var email = WorkEmail.TryNormalize(name, out var normalized) ? normalized : null;
        var candidates = await db.People
            .Where(p => p.TenantId == party.Tenant.Id && p.LeftAt == null
                && (p.ChannelUserId == name || p.DisplayName == name || (email != null && p.Email == email)))
            .ToListAsync(cancellationToken);
        return candidates.Count switch
        {
            1 => (candidates[0], null),
            0 => (null, $"I don't know **{name}** yet: mention them, or ask them to say hello to me first."),
            _ => (null, $"More than one person is called **{name}**; mention them instead."),
        };
    }

    // The channel says exactly whom a mention stands for; that beats matching a display name, which need not be unique.
    private static BotUser? MentionOf(string who, IReadOnlyList<BotMention>? mentions)
    {
        var text = who.Trim();
        return mentions?.FirstOrDefault(m => string.Equals(m.Text.Trim(), text, StringComparison.OrdinalIgnoreCase))?.User;
    }

    // A mentioned colleague who has not spoken to the bot yet is still a member of the tenant: the mention proves it.
    private static async Task<Person> FindOrAddAsync(FeedbackDbContext db, ConversationParty party, BotUser user, DateTime now, CancellationToken cancellationToken)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.TenantId == party.Tenant.Id && p.ChannelUserId == user.Id, cancellationToken);
        if (person is not null)
        {
            return person;
        }

        person = new Person
        {
            Id = Guid.NewGuid(),
            TenantId = party.Tenant.Id,
            ChannelUserId = user.Id,
            DisplayName = user.Name,
            Role = PersonRole.Staff,
            CreatedAt = now,
        };
        db.People.Add(person);
        return person;
    }

    // Mentions arrive as "<at>Name</at>" (Teams), "<@U123>" (Slack) or "@Name" (typed).
    private static string Strip(string who)
    {
        var text = who.Trim();
        if (text.StartsWith("<at>", StringComparison.OrdinalIgnoreCase) && text.EndsWith("</at>", StringComparison.OrdinalIgnoreCase))
        {
            text = text[4..^5];
        }
        else if (text.StartsWith("<@", StringComparison.Ordinal) && text.EndsWith('>'))
        {
            text = text[2..^1].Split('|')[0];
        }

        return text.TrimStart('@').Trim();
    }
}
