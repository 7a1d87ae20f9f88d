using FeedbackBot.CommandLine;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Imports;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Contacts;

/// <summary>
/// Stores batches of contacts of one plan, by <c>contact_id</c>: a new id is added, a known one updated with what the
/// row says, and a row that says what is stored already changes nothing (not even its time), so importing the same
/// file again is a no-op. An address is compared by its keyed hash, because its encrypted form differs every time it
/// is encrypted; it is encrypted again only when it changed.
/// </summary>
internal sealed class ContactBatchWriter(FeedbackDbContext db, ContactEmails emails, Guid tenantId, Guid planId, ContactColumns columns, DateTime now)
    : IBatchWriter<ContactRow>
{
    public async Task WriteAsync(IReadOnlyList<ContactRow> rows, ImportCounts counts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(counts);
        var keys = rows.Select(r => r.Key).Distinct(StringComparer.Ordinal).ToList();
        var stored = await db.Contacts
            .Where(c => c.PlanId == planId && keys.Contains(c.ContactKey))
            .ToDictionaryAsync(c => c.ContactKey, StringComparer.Ordinal, cancellationToken);

        foreach (var row in rows)
        {
            if (!stored.TryGetValue(row.Key, out var contact))
            {
                contact = new Contact { Id = Guid.NewGuid(), TenantId = tenantId, PlanId = planId, ContactKey = row.Key, CreatedAt = now, UpdatedAt = now };
                await ApplyAsync(contact, row, cancellationToken);
                db.Contacts.Add(contact);
                stored[row.Key] = contact;
                counts.Added++;
            }
            else if (await ApplyAsync(contact, row, cancellationToken))
            {
                contact.UpdatedAt = now;
                counts.Updated++;
            }
            else
            {
                counts.Unchanged++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>Sets what the row gives; whether anything changed.</summary>
    private async Task<bool> ApplyAsync(Contact contact, ContactRow row, CancellationToken cancellationToken)
    {
        var changed = false;
        if (columns.Email)
        {
            var hash = row.Email is null ? null : await emails.HashAsync(row.Email, cancellationToken);
            if (hash != contact.EmailHash)
            {
                contact.EmailHash = hash;
                contact.EmailProtected = row.Email is null ? null : emails.Protect(row.Email);
                changed = true;
            }
        }

        changed |= Set(columns.InteractionId, row.InteractionId, contact.InteractionId, v => contact.InteractionId = v);
        changed |= Set(columns.Agent, row.Agent, contact.Agent, v => contact.Agent = v);
        changed |= Set(columns.Channel, row.Channel, contact.InteractionChannel, v => contact.InteractionChannel = v);
        if (columns.LastContactAt && row.LastContactAt != contact.LastContactAt)
        {
            contact.LastContactAt = row.LastContactAt;
            changed = true;
        }

        // Attributes the file names are set (an empty cell removes one); others stored before are kept.
        var segments = ContactSegments.Parse(contact.Segments);
        foreach (var (name, value) in row.Segments)
        {
            if (value is null)
            {
                segments.Remove(name);
            }
            else
            {
                segments[name] = value;
            }
        }

        var json = ContactSegments.Serialize(segments);
        if (json?.Length > ContactSegments.MaxStoredLength)
        {
            throw new UsageException(
                $"Contact '{contact.ContactKey}' would have segment attributes longer than the {ContactSegments.MaxStoredLength} characters kept, with those stored before; nothing was stored.");
        }

        if (json != contact.Segments)
        {
            contact.Segments = json;
            changed = true;
        }

        return changed;
    }

    private static bool Set(bool inFile, string? value, string? stored, Action<string?> set)
    {
        if (!inFile || string.Equals(value, stored, StringComparison.Ordinal))
        {
            return false;
        }

        set(value);
        return true;
    }
}
