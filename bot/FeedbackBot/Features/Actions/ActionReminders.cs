using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Scorecards;
using FeedbackBot.Jobs.Actions;
using FeedbackBot.Jobs.Outbox;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Actions;

/// <summary>
/// The hourly reminders of improvement actions, to their owners in their private chat: a few days before the due date,
/// and once when it has passed, while the work is still planned or in progress. An owner the bot did not know when the
/// action was adopted is looked for again each run (they may have talked to the bot since, or a roster may list them),
/// and told they own it once found (as is an owner named on the command line). Every message has its own outbox key, which the outbox never queues twice: a run
/// repeated, or run on several instances at once, reminds nobody twice.
/// </summary>
internal sealed class ActionReminders(FeedbackDbContext db, IOutboxSignal outbox, TimeProvider clock, ILogger<ActionReminders> log) : IActionReminders
{
    /// <summary>How many days before the due date the owner is reminded.</summary>
    public const int DaysBefore = 3;

    public async Task RemindAsync(CancellationToken cancellationToken)
    {
        // Two instances at once: the second write collides on the outbox keys; read again, and the rest is queued.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await QueueAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < 2)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task QueueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var open = await db.ImprovementActions
            .Where(a => a.Status != ImprovementActionStatus.Sustained && a.Status != ImprovementActionStatus.Abandoned)
            .ToListAsync(cancellationToken);

        await FindOwnersAsync(open, cancellationToken);
        var owners = open.Where(a => a.OwnerPersonId is not null).Select(a => a.OwnerPersonId!.Value).Distinct().ToList();
        var ownerIds = await db.People.AsNoTracking().Where(p => owners.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.ChannelUserId, cancellationToken);
        var wanted = new List<(ImprovementAction Action, string Type)>();
        foreach (var action in open.Where(a => a.OwnerPersonId is not null))
        {
            // Whoever adopted an action for themselves knows they own it.
            if (ownerIds.GetValueOrDefault(action.OwnerPersonId!.Value) != action.CreatedBy)
            {
                wanted.Add((action, ActionMessages.Assigned));
            }

            if (!ActionUpdates.IsUnderWay(action.Status))
            {
                continue;
            }

            if (action.DueOn < today)
            {
                wanted.Add((action, ActionMessages.Overdue));
            }
            else if (action.DueOn <= today.AddDays(DaysBefore) && DateOnly.FromDateTime(action.CreatedAt) < action.DueOn.AddDays(-DaysBefore))
            {
                // Adopted already inside the window: the message saying they own it gave the date.
                wanted.Add((action, ActionMessages.DueSoon));
            }
        }

        var keys = wanted.Select(w => ActionMessages.Key(w.Action, w.Type)).ToList();
        var queued = (await db.Outbox.AsNoTracking().Where(m => keys.Contains(m.DedupeKey)).Select(m => m.DedupeKey).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var fresh = wanted.Where(w => !queued.Contains(ActionMessages.Key(w.Action, w.Type))).ToList();
        foreach (var (action, type) in fresh)
        {
            db.Outbox.Add(ActionMessages.ToOwner(action, type, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        if (fresh.Count > 0)
        {
            outbox.Notify();
            if (log.IsEnabled(LogLevel.Information))
            {
                log.LogInformation("Queued {Count} messages to owners of improvement actions", fresh.Count);
            }
        }
    }

    // Owners given as an e-mail address or a user id the bot had not met: matched now if it has met them since.
    private async Task FindOwnersAsync(List<ImprovementAction> open, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var tenant in open.Where(a => a.OwnerPersonId is null).GroupBy(a => a.TenantId))
        {
            var people = await RosterPeople.ResolveAsync(db, tenant.Key, tenant.Select(a => a.Owner), cancellationToken);
            foreach (var action in tenant)
            {
                if (people.GetValueOrDefault(action.Owner) is { } person)
                {
                    action.OwnerPersonId = person;
                    action.UpdatedAt = now;
                }
            }
        }
    }
}
