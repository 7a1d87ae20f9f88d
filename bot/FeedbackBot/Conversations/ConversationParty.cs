using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.People;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Conversations;

/// <summary>Where a turn took place, to be remembered so the bot can write there unprompted later.</summary>
/// <param name="ConversationId">The channel's conversation id.</param>
/// <param name="Personal">Whether it is the person's own conversation with the bot (a pulse may be sent there).</param>
/// <param name="ServiceUrl">Teams' Connector address for it; null elsewhere.</param>
/// <param name="BotId">The bot's id in it (Teams' <c>28:</c> id); null elsewhere.</param>
/// <param name="TeamId">The Teams team a channel conversation belongs to, whose members the people sync lists; null elsewhere.</param>
internal sealed record ConversationPlace(string ConversationId, bool Personal, string? ServiceUrl = null, string? BotId = null, string? TeamId = null);

/// <summary>The tenant and person a request comes from, created on first contact.</summary>
internal sealed record ConversationParty(Tenant Tenant, Person Person)
{
    /// <summary>The person's id on the channel of this turn; a party is always found by it, so it is never missing.</summary>
    public string ChannelUserId => Person.ChannelUserId ?? throw new InvalidOperationException("A person in a turn has a channel user id.");

    /// <summary>
    /// Finds or creates the tenant of the request's channel and the person in it, and remembers where they spoke
    /// (<paramref name="place"/>), in one write: each turn resolves its person once. The first person to speak in a
    /// tenant that has no admin installed the bot, and becomes its admin. <paramref name="role"/> is a role the channel fixes for the
    /// person (the playground's identities); null leaves roles to the admins.
    /// </summary>
    public static async Task<ConversationParty> ResolveAsync(
        FeedbackDbContext db, BotRequest request, ConversationPlace? place, PersonRole? role, DateTime now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ResolveOnceAsync(db, request, place, role, now, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Copies of a first message arrive together (the platforms retry, a user double-sends): another
                // delivery created this tenant, person or conversation first. Theirs is read on the next attempt.
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task<ConversationParty> ResolveOnceAsync(
        FeedbackDbContext db, BotRequest request, ConversationPlace? place, PersonRole? role, DateTime now, CancellationToken cancellationToken)
    {
        var channel = ChannelOf(request.Channel);
        var userId = request.User.Id;
        var conversationId = place?.ConversationId;
        // One round trip for everything a turn needs to know about who is speaking: the tenant, the person, whether
        // the tenant has an admin yet, and where they speak. Every answer in a busy pulse starts here, and each
        // statement is a wait on the database. Each join is on a unique key, so there is one row or none.
        var known = await (from t in db.Tenants
                           where t.Channel == channel && t.ExternalId == request.TenantId
                           from p in db.People.Where(p => p.TenantId == t.Id && p.ChannelUserId == userId).DefaultIfEmpty()
                           from r in db.ConversationReferences.Where(r => r.TenantId == t.Id && r.ConversationId == conversationId).DefaultIfEmpty()
                           select new
                           {
                               Tenant = t,
                               Person = p,
                               Reference = r,
                               HasAdmin = db.People.Any(a => a.TenantId == t.Id && a.Role == PersonRole.Admin),
                           })
            .SingleOrDefaultAsync(cancellationToken);
        var tenant = known?.Tenant;
        if (tenant is null)
        {
            tenant = new Tenant { Id = Guid.NewGuid(), Channel = channel, ExternalId = request.TenantId, Name = request.TenantId, CreatedAt = now };
            db.Tenants.Add(tenant);
        }

        var person = known?.Person;
        var hasAdmin = known?.HasAdmin ?? false;
        if (person is null)
        {
            person = new Person
            {
                Id = Guid.NewGuid(),
                TenantId = tenant.Id,
                ChannelUserId = userId,
                DisplayName = Trim(string.IsNullOrWhiteSpace(request.User.Name) ? userId : request.User.Name, 200),
                Role = PersonRole.Staff,
                CreatedAt = now,
            };
            db.People.Add(person);
        }
        else if (!string.IsNullOrWhiteSpace(request.User.Name) && person.DisplayName != request.User.Name)
        {
            person.DisplayName = Trim(request.User.Name, 200);
        }

        // The first to speak to the bot in a tenant with no admin installed it, and becomes its admin. Usually that is
        // the tenant's first person; with a roster imported or synchronised first, it is someone the roster knows.
        if (!hasAdmin)
        {
            person.Role = PersonRole.Admin;
        }

        if (role is { } fixedRole)
        {
            person.Role = fixedRole;
        }

        var party = new ConversationParty(tenant, person);
        if (place is not null)
        {
            party.Note(db, place, known?.Reference, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return party;
    }

    /// <summary>Finds or creates the tenant and the person, remembering nothing: for a turn with no place of its own.</summary>
    public static Task<ConversationParty> ResolveAsync(FeedbackDbContext db, BotRequest request, DateTime now, CancellationToken cancellationToken) =>
        ResolveAsync(db, request, place: null, role: null, now, cancellationToken);

    /// <summary>Remembers where this person's conversation is, so the bot can write to it unprompted later.</summary>
    public async Task RememberAsync(FeedbackDbContext db, ConversationPlace place, DateTime now, CancellationToken cancellationToken)
    {
        await NoteAsync(db, place, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task NoteAsync(FeedbackDbContext db, ConversationPlace place, DateTime now, CancellationToken cancellationToken)
    {
        var reference = await db.ConversationReferences.SingleOrDefaultAsync(
            r => r.TenantId == Tenant.Id && r.ConversationId == place.ConversationId, cancellationToken);
        Note(db, place, reference, now);
    }

    /// <summary>Records the place in its stored reference (tracked, or null when there is none yet), writing only what changed.</summary>
    private void Note(FeedbackDbContext db, ConversationPlace place, ConversationReference? reference, DateTime now)
    {
        var (conversationId, personal, serviceUrl, botId, teamId) = place;
        if (reference is null)
        {
            reference = new ConversationReference { Id = Guid.NewGuid(), TenantId = Tenant.Id, ConversationId = conversationId };
            db.ConversationReferences.Add(reference);
        }

        reference.PersonId = personal ? Person.Id : reference.PersonId;
        reference.ServiceUrl = serviceUrl ?? reference.ServiceUrl;
        reference.BotId = botId ?? reference.BotId;
        reference.TeamId = teamId ?? reference.TeamId;
        // A turn that changes nothing writes nothing: a busy conversation would otherwise update its row on every
        // answer. The time is kept to the day, which is all "still in use" needs.
        if (db.Entry(reference).State != EntityState.Unchanged || now - reference.UpdatedAt >= TimeSpan.FromDays(1))
        {
            reference.UpdatedAt = now;
        }
        if (personal && Person.UnreachableSince is not null)
        {
            // They wrote to us, so they can be reached again.
            Person.UnreachableSince = null;
        }
    }

    public static TenantChannel ChannelOf(BotChannel channel) => channel switch
    {
        BotChannel.Teams => TenantChannel.Teams,
        BotChannel.Slack => TenantChannel.Slack,
        _ => TenantChannel.Local,
    };

    private static string Trim(string text, int length) => text.Length <= length ? text : text[..length];
}
