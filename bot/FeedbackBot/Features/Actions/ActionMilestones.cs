using System.Globalization;
using FeedbackBot.CommandLine;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Actions;

/// <summary>
/// <c>actions milestone</c>: adds a milestone to an action, marks one done or reopens it. Each change is also a dated
/// line of the action's log, so the log alone tells how the action went.
/// </summary>
internal static class ActionMilestones
{
    public const int TitleLength = 300;

    /// <summary>Adds a milestone, or finds the one with the same title and due date added before.</summary>
    /// <returns>What to print.</returns>
    public static async Task<string> AddAsync(
        FeedbackDbContext db, ImprovementAction action, string title, DateOnly dueOn, DateTime now, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            // The command line may be run again after a failure it could not see: the same milestone is then the one
            // added before, not a second copy.
            if (action.Milestones.FirstOrDefault(m => m.Title == title && m.DueOn == dueOn) is { } existing)
            {
                return $"action {action.Number}: milestone {existing.Number} already added: {existing.Title}, due {Day(existing.DueOn)}";
            }

            var milestone = new ImprovementActionMilestone
            {
                Id = Guid.NewGuid(),
                ActionId = action.Id,
                Number = 1 + action.Milestones.Select(m => m.Number).DefaultIfEmpty().Max(),
                Title = title,
                DueOn = dueOn,
                CreatedAt = now,
            };

            // Added through its set, like the log's lines: with its key already set it would be taken for one to update.
            db.ImprovementActionMilestones.Add(milestone);
            action.Milestones.Add(milestone);
            ActionsCommand.AddLine(db, action, ActionNotes.Note, $"milestone {milestone.Number} added: {title}, due {Day(dueOn)}", now);
            action.UpdatedAt = now;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return $"action {action.Number}: milestone {milestone.Number} added: {title}, due {Day(dueOn)}";
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Two added at once collide on the unique number: read the action again, and this one takes the next
                // number (or turns out to be the one the other run added).
                db.ChangeTracker.Clear();
                action = await db.ImprovementActions.Include(a => a.Notes).Include(a => a.Milestones)
                    .SingleAsync(a => a.Id == action.Id, cancellationToken);
            }
        }
    }

    /// <summary>Marks milestone <paramref name="number"/> done on <paramref name="doneOn"/>.</summary>
    /// <returns>What to print.</returns>
    public static async Task<string> MarkDoneAsync(
        FeedbackDbContext db, ImprovementAction action, int number, DateOnly doneOn, DateTime now, CancellationToken cancellationToken)
    {
        var milestone = Find(action, number);
        if (milestone.DoneOn == doneOn)
        {
            return $"action {action.Number}: milestone {number} already done on {Day(doneOn)}: {milestone.Title}";
        }

        milestone.DoneOn = doneOn;
        ActionsCommand.AddLine(db, action, ActionNotes.Note, $"milestone {number} done on {Day(doneOn)}: {milestone.Title}", now);
        action.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return $"action {action.Number}: milestone {number} done on {Day(doneOn)}: {milestone.Title}";
    }

    /// <summary>Reopens milestone <paramref name="number"/>: it was marked done by mistake, or has to be done again.</summary>
    /// <returns>What to print.</returns>
    public static async Task<string> ReopenAsync(
        FeedbackDbContext db, ImprovementAction action, int number, DateTime now, CancellationToken cancellationToken)
    {
        var milestone = Find(action, number);
        if (milestone.DoneOn is null)
        {
            return $"action {action.Number}: milestone {number} is already open: {milestone.Title}";
        }

        milestone.DoneOn = null;
        ActionsCommand.AddLine(db, action, ActionNotes.Note, $"milestone {number} reopened: {milestone.Title}", now);
        action.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return $"action {action.Number}: milestone {number} reopened: {milestone.Title}";
    }

    /// <summary>An abandoned action is not being worked on: its milestones stay as they were left.</summary>
    /// <exception cref="UsageException">The action is abandoned.</exception>
    public static void EnsureOpen(ImprovementAction action)
    {
        if (action.Status == ImprovementActionStatus.Abandoned)
        {
            throw new UsageException($"Action {action.Number} is abandoned; take it up again ('feedbackbot actions update {action.Number} --status in_progress') before changing its milestones.");
        }
    }

    /// <summary>One milestone as the action's detail and the improvement log show it.</summary>
    public static string Describe(ImprovementActionMilestone milestone, DateOnly today) =>
        $"{milestone.Number}. {milestone.Title}: due {Day(milestone.DueOn)}, " + (milestone.DoneOn is { } done
            ? $"done on {Day(done)}"
            : milestone.DueOn < today ? "open, overdue" : "open");

    private static ImprovementActionMilestone Find(ImprovementAction action, int number) =>
        action.Milestones.FirstOrDefault(m => m.Number == number)
        ?? throw new UsageException(action.Milestones.Count == 0
            ? $"Action {action.Number} has no milestones yet; add one with --add TEXT --due YYYY-MM-DD."
            : $"Action {action.Number} has no milestone {number}; its milestones are {string.Join(", ", action.Milestones.Select(m => m.Number).Order())}.");

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
