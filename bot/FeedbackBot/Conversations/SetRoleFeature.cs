using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.People;
using FeedbackBot.Data;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Conversations;

/// <summary><c>role @person manager|staff</c>: admins give and take the manager role.</summary>
internal sealed class SetRoleFeature(FeedbackDbContext db)
{
    public async Task<BotReply> SetAsync(ConversationParty party, string who, PersonRole role, CancellationToken cancellationToken)
    {
        if (party.Person.Role != PersonRole.Admin)
        {
            return new TextReply("Only an admin can change roles. The first person to install the bot is its admin.");
        }

        var name = Strip(who);
        var candidates = await db.People
            .Where(p => p.TenantId == party.Tenant.Id && (p.ChannelUserId == name || p.DisplayName == name))
            .ToListAsync(cancellationToken);
        if (candidates.Count != 1)
        {
            return new TextReply(candidates.Count == 0
                ? $"I don't know **{name}** yet: they need to say hello to me first."
                : $"More than one person is called **{name}**; mention them instead.");
        }

        var person = candidates[0];
        if (person.Role == PersonRole.Admin)
        {
            return new TextReply($"**{person.DisplayName}** is an admin; admins keep their role.");
        }

        person.Role = role;
        await db.SaveChangesAsync(cancellationToken);
        return new TextReply($"**{person.DisplayName}** is now {(role == PersonRole.Manager ? "a manager" : "a member of staff")}.");
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
