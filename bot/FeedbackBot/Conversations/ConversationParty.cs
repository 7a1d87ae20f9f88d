using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.People;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Conversations;

/// <summary>The tenant and person a request comes from, created on first contact.</summary>
internal sealed record ConversationParty(Tenant Tenant, Person Person)
{
    /// <summary>
    /// Finds or creates the tenant of the request's channel and the person in it. The first person a tenant ever
    /// sees installed the bot, and becomes its admin.
    /// </summary>
    public static async Task<ConversationParty> ResolveAsync(FeedbackDbContext db, BotRequest request, DateTime now, CancellationToken cancellationToken)
    {
        var channel = ChannelOf(request.Channel);
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Channel == channel && t.ExternalId == request.TenantId, cancellationToken);
        if (tenant is null)
        {
            tenant = new Tenant { Id = Guid.NewGuid(), Channel = channel, ExternalId = request.TenantId, Name = request.TenantId, CreatedAt = now };
            db.Tenants.Add(tenant);
        }

        var person = await db.People.SingleOrDefaultAsync(p => p.TenantId == tenant.Id && p.ChannelUserId == request.User.Id, cancellationToken);
        if (person is null)
        {
            var first = !await db.People.AnyAsync(p => p.TenantId == tenant.Id, cancellationToken);
            person = new Person
            {
                Id = Guid.NewGuid(),
                TenantId = tenant.Id,
                ChannelUserId = request.User.Id,
                DisplayName = Trim(string.IsNullOrWhiteSpace(request.User.Name) ? request.User.Id : request.User.Name, 200),
                Role = first ? PersonRole.Admin : PersonRole.Staff,
                CreatedAt = now,
            };
            db.People.Add(person);
        }
        else if (!string.IsNullOrWhiteSpace(request.User.Name) && person.DisplayName != request.User.Name)
        {
            person.DisplayName = Trim(request.User.Name, 200);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ConversationParty(tenant, person);
    }

    /// <summary>Remembers where this person's conversation is, so the bot can write to it unprompted later.</summary>
    public async Task RememberAsync(
        FeedbackDbContext db, string conversationId, bool personal, string? serviceUrl, string? botId, DateTime now, CancellationToken cancellationToken)
    {
        var reference = await db.ConversationReferences.SingleOrDefaultAsync(
            r => r.TenantId == Tenant.Id && r.ConversationId == conversationId, cancellationToken);
        if (reference is null)
        {
            reference = new ConversationReference { Id = Guid.NewGuid(), TenantId = Tenant.Id, ConversationId = conversationId };
            db.ConversationReferences.Add(reference);
        }

        reference.PersonId = personal ? Person.Id : reference.PersonId;
        reference.ServiceUrl = serviceUrl ?? reference.ServiceUrl;
        reference.BotId = botId ?? reference.BotId;
        reference.UpdatedAt = now;
        if (personal && Person.UnreachableSince is not null)
        {
            // They wrote to us, so they can be reached again.
            Person.UnreachableSince = null;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public static TenantChannel ChannelOf(BotChannel channel) => channel switch
    {
        BotChannel.Teams => TenantChannel.Teams,
        BotChannel.Slack => TenantChannel.Slack,
        _ => TenantChannel.Local,
    };

    private static string Trim(string text, int length) => text.Length <= length ? text : text[..length];
}
