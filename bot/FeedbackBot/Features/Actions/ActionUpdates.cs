using FeedbackBot.Data;
using FeedbackBot.Data.Entities;

namespace FeedbackBot.Features.Actions;

/// <summary>
/// An improvement action brought up to date, the same from the command line and from chat: a new status (the day it
/// went live with implemented), a note, each a dated line of its log.
/// </summary>
internal static class ActionUpdates
{
    /// <summary>The statuses a person sets; the others are verdicts of the checks.</summary>
    public static readonly ImprovementActionStatus[] SetByPeople =
        [ImprovementActionStatus.Planned, ImprovementActionStatus.InProgress, ImprovementActionStatus.Implemented, ImprovementActionStatus.Abandoned];

    /// <summary>Whether the work of the action is still to be done: what its owner is reminded of.</summary>
    public static bool IsUnderWay(ImprovementActionStatus status) => status is ImprovementActionStatus.Planned or ImprovementActionStatus.InProgress;

    /// <summary>Whether the action still asks something of someone: all but sustained and abandoned.</summary>
    public static bool IsOpen(ImprovementActionStatus status) => status is not (ImprovementActionStatus.Sustained or ImprovementActionStatus.Abandoned);

    /// <summary>
    /// Applies a change (null parts change nothing) and says whether anything changed. A new due date re-arms the owner's
    /// reminders. <paramref name="live"/> marks it
    /// implemented; implemented without a day keeps the day it had, else today. A note the same author just wrote is not
    /// written twice, so a form delivered again adds nothing.
    /// </summary>
    public static bool Apply(
        FeedbackDbContext db, ImprovementAction action, ImprovementActionStatus? status, DateOnly? live, string? note, string author, DateTime now, DateOnly? due = null)
    {
        var changed = false;
        if (due is { } newDue && newDue != action.DueOn)
        {
            // Reminders are keyed by the due date, so the new date is reminded afresh.
            AddLine(db, action, ActionNotes.Status, $"due moved from {action.DueOn:yyyy-MM-dd} to {newDue:yyyy-MM-dd}", author, now);
            action.DueOn = newDue;
            changed = true;
        }

        var target = live is not null ? ImprovementActionStatus.Implemented : status;
        if (target is { } next && (next != action.Status || (live is not null && live != action.ImplementedOn)))
        {
            action.Status = next;
            if (next == ImprovementActionStatus.Implemented)
            {
                action.ImplementedOn = live ?? action.ImplementedOn ?? DateOnly.FromDateTime(now);
            }

            AddLine(db, action, ActionNotes.Status, ImprovementActionStatuses.Name(next) +
                (next == ImprovementActionStatus.Implemented ? $", live since {action.ImplementedOn:yyyy-MM-dd}" : ""), author, now);
            changed = true;
        }

        if (!string.IsNullOrWhiteSpace(note))
        {
            var text = note.Trim();
            var last = action.Notes.Where(n => n.Kind == ActionNotes.Note && n.Author == author).OrderByDescending(n => n.At).FirstOrDefault();
            if (last?.Text != text)
            {
                AddLine(db, action, ActionNotes.Note, text, author, now);
                changed = true;
            }
        }

        if (changed)
        {
            action.UpdatedAt = now;
        }

        return changed;
    }

    // Added through its set: a new line with its key already set would otherwise be taken for one to update.
    internal static void AddLine(FeedbackDbContext db, ImprovementAction action, string kind, string text, string author, DateTime now)
    {
        var line = new ImprovementActionNote { Id = Guid.NewGuid(), ActionId = action.Id, At = now, Kind = kind, Text = text, Author = author };
        db.ImprovementActionNotes.Add(line);
        action.Notes.Add(line);
    }
}
