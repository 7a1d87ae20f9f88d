using FeedbackBot.Core.People;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.People;

/// <summary>
/// One colleague known twice: by chat, under their platform user id, and by a roster, under their e-mail address
/// only. The platform's list shows they are the same user, so the roster's record is merged into the chat one, which
/// holds their conversations and invitations, and then deleted.
/// </summary>
internal static class PersonMerge
{
    /// <summary>
    /// Moves <paramref name="rosterOnly"/>'s e-mail address, roster segments, roster source, left date, role (the
    /// higher of the two) and roster name onto <paramref name="keep"/>, points anything that named it at
    /// <paramref name="keep"/>, and deletes it; the deletion is stored with the caller's next save.
    /// </summary>
    public static async Task IntoAsync(FeedbackDbContext db, Person keep, Person rosterOnly, CancellationToken cancellationToken)
    {
        keep.Email = rosterOnly.Email;
        keep.RosterSource = rosterOnly.RosterSource ?? keep.RosterSource;
        keep.LeftAt = rosterOnly.LeftAt;
        // The roles are ordered by what they may do: staff, manager, admin. Nobody loses a role by being merged.
        keep.Role = (PersonRole)Math.Max((int)keep.Role, (int)rosterOnly.Role);
        if (!string.Equals(rosterOnly.DisplayName, rosterOnly.Email, StringComparison.OrdinalIgnoreCase))
        {
            keep.DisplayName = rosterOnly.DisplayName;
        }

        foreach (var segment in rosterOnly.Segments)
        {
            var existing = keep.Segments.FirstOrDefault(s => s.Name == segment.Name);
            if (existing is null)
            {
                keep.Segments.Add(new PersonSegment { PersonId = keep.Id, Name = segment.Name, Value = segment.Value, Source = segment.Source });
            }
            else
            {
                existing.Value = segment.Value;
                existing.Source = segment.Source;
            }
        }

        // A roster-only person has never spoken to the bot, so nothing should name them; if anything does, it moves
        // rather than being deleted with them.
        await db.ConversationReferences.Where(r => r.PersonId == rosterOnly.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.PersonId, keep.Id), cancellationToken);
        await db.Invitations.Where(i => i.PersonId == rosterOnly.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.PersonId, keep.Id), cancellationToken);
        await db.Outbox.Where(m => m.PersonId == rosterOnly.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.PersonId, keep.Id), cancellationToken);
        db.People.Remove(rosterOnly);
    }
}
