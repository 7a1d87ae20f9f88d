using FeedbackBot.Conversations;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.People;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Roles;

/// <summary><c>role @person manager|staff</c>: admins give and take the manager role.</summary>
internal sealed class SetRoleFeature(FeedbackDbContext db, TimeProvider clock)
{
    public async Task<BotReply> SetAsync(ConversationParty party, string who, PersonRole role, IReadOnlyList<BotMention>? mentions, CancellationToken cancellationToken)
    {
        if (party.Person.Role != PersonRole.Admin)
        {
            return new TextReply("Only an admin can change roles. The first person to install the bot is its admin.");
        }

        var person = MentionOf(who, mentions) is { } mentioned
            ? await FindOrAddAsync(party, mentioned, cancellationToken)
            : null;
        if (person is null)
        {
            var name = Strip(who);
            var candidates = await db.People
                .Where(p => p.TenantId == party.Tenant.Id && (p.ChannelUserId == name || p.DisplayName == name))
                .ToListAsync(cancellationToken);
            if (candidates.Count != 1)
            {
                return new TextReply(candidates.Count == 0
                    ? $"I don't know **{name}** yet: mention them, or ask them to say hello to me first."
                    : $"More than one person is called **{name}**; mention them instead.");
            }

            person = candidates[0];
        }

        if (person.Role == PersonRole.Admin)
        {
            return new TextReply($"**{person.DisplayName}** is an admin; admins keep their role.");
        }

        person.Role = role;
        await db.SaveChangesAsync(cancellationToken);
        return new TextReply($"**{person.DisplayName}** is now {(role == PersonRole.Manager ? "a manager" : "a member of staff")}.");
    }

    // The channel says exactly whom a mention stands for; that beats matching a display name, which need not be unique.
    private static BotUser? MentionOf(string who, IReadOnlyList<BotMention>? mentions)
    {
        var text = who.Trim();
        return mentions?.FirstOrDefault(m => string.Equals(m.Text.Trim(), text, StringComparison.OrdinalIgnoreCase))?.User;
    }

    // A mentioned colleague who has not spoken to the bot yet is still a member of the tenant: the mention proves it.
    private async Task<Person> FindOrAddAsync(ConversationParty party, BotUser user, CancellationToken cancellationToken)
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
            CreatedAt = clock.GetUtcNow().UtcDateTime,
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
