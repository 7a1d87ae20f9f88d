using FeedbackBot.Conversations;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.People;
using FeedbackBot.Data;
using FeedbackBot.Features.Audit;

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

        var (person, problem) = await MentionedPeople.FindAsync(db, party, who, mentions, clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (person is null)
        {
            return new TextReply(problem!);
        }

        if (person.Role == PersonRole.Admin)
        {
            return new TextReply($"**{person.DisplayName}** is an admin; admins keep their role.");
        }

        var before = person.Role;
        person.Role = role;
        AuditTrail.Add(db, party.Tenant.Id, clock.GetUtcNow().UtcDateTime, party.ChannelUserId, AuditTrail.RoleChanged, person.Id.ToString("D"),
            $"{before.ToString().ToLowerInvariant()} to {role.ToString().ToLowerInvariant()}");
        await db.SaveChangesAsync(cancellationToken);
        return new TextReply($"**{person.DisplayName}** is now {(role == PersonRole.Manager ? "a manager" : "a member of staff")}.");
    }
}
