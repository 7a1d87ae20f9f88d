using FeedbackBot.Core.People;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Contacts;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.DataRights;

/// <summary>
/// Whom <c>people export</c> and <c>people erase</c> are about, in one tenant. PERSON is an e-mail address (a member of
/// staff's work address, and every customer contact with that address), a Teams or Slack user id (or a playground
/// user), or a person's id as the export shows it. One human may be more than one row: a roster entry and a customer
/// contact, or the same address in two plans' contacts; all of them are theirs.
/// </summary>
internal sealed record DataSubject(Tenant Tenant, IReadOnlyList<Person> People, IReadOnlyList<Contact> Contacts)
{
    public bool IsEmpty => People.Count == 0 && Contacts.Count == 0;

    /// <summary>
    /// Every string that names the member of staff in a column stored against them (an evaluation's agent, an action's
    /// owner, an audit entry's actor): ids in both of the forms the bot writes, platform ids, addresses and names.
    /// Each as stored and in lower case (a file may name an address in capitals; rows the bot matched to the person
    /// carry their id as well). Customer contacts are named by their rows alone.
    /// </summary>
    public IReadOnlyList<string> Names =>
    [
        .. People.SelectMany(p => new[] { p.Id.ToString("D"), p.Id.ToString("N"), p.ChannelUserId, p.Email, p.DisplayName })
            .OfType<string>().Where(n => n.Length > 0).SelectMany(n => new[] { n, n.ToLowerInvariant() }).Distinct(StringComparer.Ordinal),
    ];

    /// <summary>The <see cref="Names"/> that are ids or addresses, safe to look for inside longer text.</summary>
    public IReadOnlyList<string> Identifiers =>
    [
        .. People.SelectMany(p => new[] { p.Id.ToString("D"), p.Id.ToString("N"), p.ChannelUserId, p.Email })
            .OfType<string>().Where(n => n.Length > 0).SelectMany(n => new[] { n, n.ToLowerInvariant() }).Distinct(StringComparer.Ordinal),
    ];

    public IReadOnlyList<Guid> PersonIds => [.. People.Select(p => p.Id)];

    public IReadOnlyList<Guid> ContactIds => [.. Contacts.Select(c => c.Id)];

    /// <summary>The rows PERSON names in the tenant; empty when nothing matches, which is not an error (erasing twice).</summary>
    public static async Task<DataSubject> FindAsync(
        FeedbackDbContext db, ContactEmails emails, Tenant tenant, string person, CancellationToken cancellationToken)
    {
        var text = person.Trim();
        var people = db.People.Include(p => p.Segments).Where(p => p.TenantId == tenant.Id);
        List<Person> found;
        List<Contact> contacts = [];
        if (WorkEmail.TryNormalize(text, out var email))
        {
            found = await people.Where(p => p.Email == email).ToListAsync(cancellationToken);
            var hash = await emails.HashAsync(email, cancellationToken);
            contacts = await db.Contacts.Include(c => c.Plan).Where(c => c.TenantId == tenant.Id && c.EmailHash == hash).ToListAsync(cancellationToken);
        }
        else if (Guid.TryParse(text, out var id))
        {
            found = await people.Where(p => p.Id == id).ToListAsync(cancellationToken);
        }
        else
        {
            found = await people.Where(p => p.ChannelUserId == text).ToListAsync(cancellationToken);
        }

        return new DataSubject(tenant, [.. found.OrderBy(p => p.CreatedAt)], [.. contacts.OrderBy(c => c.Plan!.Key, StringComparer.Ordinal).ThenBy(c => c.ContactKey, StringComparer.Ordinal)]);
    }
}
