using FeedbackBot.Core.People;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.People;

/// <summary>
/// Brings a tenant's people in line with a platform's roster, all in one transaction: each listed user is found by
/// platform user id, else by e-mail address (a roster person known only by e-mail gets their id, or is merged into
/// the person chat knew under it), else added; people of this platform's roster it no longer lists are marked as left.
/// </summary>
/// <remarks>
/// A second run over the same list changes nothing: everyone is then found by id and already as the list says. Two
/// runs at once (the schedule and the command) may both add the same new user; the unique platform id refuses the
/// second, whose sync then fails whole and is retried.
/// </remarks>
internal static class PlatformRosterApply
{
    public static async Task<PeopleSyncOutcome> ApplyAsync(
        FeedbackDbContext db, Guid tenantId, PlatformRoster roster, DateTime now, CancellationToken cancellationToken)
    {
        var people = await db.People.Include(p => p.Segments).Where(p => p.TenantId == tenantId).ToListAsync(cancellationToken);
        if (roster.Users.Count == 0 && people.Any(p => p.RosterSource == roster.Source && p.LeftAt == null))
        {
            // An empty list is a fault of the platform or of the bot's access to it, not everyone leaving at once.
            throw new PeopleSyncException($"{roster.From} listed nobody; nothing was changed rather than mark everyone as left.");
        }

        var state = new Lookup(people);
        var counts = new Counts();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var user in roster.Users.OrderBy(u => u.Id, StringComparer.Ordinal))
        {
            var person = state.ById.GetValueOrDefault(user.Id);
            var rosterOnly = user.Email is null ? null : state.RosterOnly(user.Email, person);
            if (person is null && rosterOnly is not null)
            {
                person = rosterOnly;
                person.ChannelUserId = user.Id;
                state.ById[user.Id] = person;
                Refresh(person, user, roster, state);
                counts.Linked++;
            }
            else if (person is not null && rosterOnly is not null)
            {
                await PersonMerge.IntoAsync(db, person, rosterOnly, cancellationToken);
                state.Forget(rosterOnly);
                state.Remember(person);
                Refresh(person, user, roster, state);
                counts.Merged++;
            }
            else if (person is null)
            {
                person = Add(db, tenantId, user, roster, state, now);
                counts.Added++;
            }
            else if (Refresh(person, user, roster, state))
            {
                counts.Updated++;
            }
            else
            {
                counts.Unchanged++;
            }

            state.Seen.Add(person.Id);
        }

        var left = state.People.Where(p => p.RosterSource == roster.Source && p.LeftAt == null && !state.Seen.Contains(p.Id)).ToList();
        foreach (var person in left)
        {
            person.LeftAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PeopleSyncOutcome
        {
            From = roster.From,
            Listed = roster.Users.Count,
            Added = counts.Added,
            Linked = counts.Linked,
            Merged = counts.Merged,
            Updated = counts.Updated,
            Unchanged = counts.Unchanged,
            Left = left.Count,
        };
    }

    private static Person Add(FeedbackDbContext db, Guid tenantId, PlatformUser user, PlatformRoster roster, Lookup state, DateTime now)
    {
        var person = new Person
        {
            Id = Guid.NewGuid(),
            TenantId = tenantId,
            ChannelUserId = user.Id,
            DisplayName = Trim(user.Name ?? user.Id),
            Role = PersonRole.Staff,
            RosterSource = roster.Source,
            CreatedAt = now,
        };
        if (user.Email is { } email && state.IsFree(email, person))
        {
            person.Email = email;
        }

        RosterSegments.Fill(person, roster.Attributes, user.Segments, roster.Source);
        db.People.Add(person);
        state.Remember(person);
        return person;
    }

    /// <summary>
    /// What the platform may change about someone it lists: their name and e-mail address unless the CSV roster gave
    /// them, the attributes nobody else set, and their left date when they are its own.
    /// </summary>
    private static bool Refresh(Person person, PlatformUser user, PlatformRoster roster, Lookup state)
    {
        var changed = false;
        var csv = person.RosterSource == RosterSource.Csv;
        if (!csv && user.Name is { Length: > 0 } name && person.DisplayName != Trim(name))
        {
            person.DisplayName = Trim(name);
            changed = true;
        }

        if (user.Email is { } email && person.Email != email && (person.Email is null || !csv) && state.IsFree(email, person))
        {
            state.Move(person, email);
            changed = true;
        }

        if (person.RosterSource == roster.Source && person.LeftAt is not null)
        {
            person.LeftAt = null;
            changed = true;
        }

        return RosterSegments.Fill(person, roster.Attributes, user.Segments, roster.Source) | changed;
    }

    private static string Trim(string text) => text.Length <= 200 ? text : text[..200];

    private sealed class Counts
    {
        public int Added { get; set; }
        public int Linked { get; set; }
        public int Merged { get; set; }
        public int Updated { get; set; }
        public int Unchanged { get; set; }
    }

    /// <summary>The tenant's people by platform id and by e-mail address, kept up to date as the roster is applied.</summary>
    private sealed class Lookup
    {
        private readonly Dictionary<string, List<Person>> _byEmail;

        public Lookup(List<Person> people)
        {
            People = people;
            ById = people.Where(p => p.ChannelUserId is not null).ToDictionary(p => p.ChannelUserId!, StringComparer.Ordinal);
            _byEmail = people.Where(p => p.Email is not null).GroupBy(p => p.Email!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        }

        public List<Person> People { get; }

        public Dictionary<string, Person> ById { get; }

        public HashSet<Guid> Seen { get; } = [];

        /// <summary>A roster person known by this address alone (no platform id), other than <paramref name="except"/>.</summary>
        public Person? RosterOnly(string email, Person? except) =>
            _byEmail.GetValueOrDefault(email)?.FirstOrDefault(p => p.ChannelUserId is null && p != except);

        /// <summary>Whether nobody but <paramref name="person"/> has the address: it is never given to two people.</summary>
        public bool IsFree(string email, Person person) => !_byEmail.TryGetValue(email, out var holders) || holders.All(p => p == person);

        public void Move(Person person, string email)
        {
            if (person.Email is { } old && _byEmail.TryGetValue(old, out var holders))
            {
                holders.Remove(person);
            }

            person.Email = email;
            Remember(person);
        }

        public void Remember(Person person)
        {
            if (!People.Contains(person))
            {
                People.Add(person);
            }

            if (person.ChannelUserId is { } id)
            {
                ById[id] = person;
            }

            if (person.Email is { } email)
            {
                if (!_byEmail.TryGetValue(email, out var holders))
                {
                    holders = [];
                    _byEmail[email] = holders;
                }

                if (!holders.Contains(person))
                {
                    holders.Add(person);
                }
            }
        }

        /// <summary>A person merged away: no longer anyone's match, and not marked as left.</summary>
        public void Forget(Person person)
        {
            People.Remove(person);
            if (person.Email is { } email && _byEmail.TryGetValue(email, out var holders))
            {
                holders.Remove(person);
            }
        }
    }
}
