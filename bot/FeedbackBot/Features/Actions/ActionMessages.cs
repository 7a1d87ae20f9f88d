using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Actions;

/// <summary>
/// The messages an improvement action's owner gets in their private chat: that they own it, that it falls due soon,
/// that it is overdue. Each is queued once under its own outbox key and built when sent, so an action done, abandoned
/// or moved meanwhile is not reminded.
/// </summary>
internal sealed class ActionMessages(FeedbackDbContext db, TimeProvider clock)
{
    /// <summary>They own a new action.</summary>
    public const string Assigned = "assigned";

    /// <summary>It is due within <see cref="ActionReminders.DaysBefore"/> days.</summary>
    public const string DueSoon = "due_soon";

    /// <summary>Its due date has passed and it is not implemented.</summary>
    public const string Overdue = "overdue";

    /// <summary>The outbox key of a message: once per action, and for reminders once per due date.</summary>
    public static string Key(ImprovementAction action, string type) => type == Assigned
        ? $"action-assigned:{action.Id:N}"
        : $"action-{type.Replace('_', '-')}:{action.Id:N}:{action.DueOn:yyyyMMdd}";

    /// <summary>An outbox row for one message to the action's owner, who must be known.</summary>
    public static OutboxMessage ToOwner(ImprovementAction action, string type, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        TenantId = action.TenantId,
        Kind = OutboxKind.ActionReminder,
        DedupeKey = Key(action, type),
        PersonId = action.OwnerPersonId ?? throw new InvalidOperationException($"Action {action.Number} has no known owner to tell."),
        Body = new JsonObject
        {
            ["type"] = type,
            ["action"] = action.Id.ToString("D"),
            ["due"] = action.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }.ToJsonString(),
        State = OutboxState.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
    };

    /// <summary>The message as it should read now; null when there is nothing to say any more.</summary>
    public async Task<BotReply?> BuildAsync(Tenant tenant, OutboxMessage message, CancellationToken cancellationToken)
    {
        var (type, actionId, due) = Read(message);
        var action = await db.ImprovementActions.AsNoTracking().Include(a => a.Milestones).SingleOrDefaultAsync(a => a.Id == actionId && a.TenantId == tenant.Id, cancellationToken);
        if (action is null || action.OwnerPersonId != message.PersonId)
        {
            return null;
        }

        // A reminder is about the due date it was queued for, while the work is still to do.
        if (type != Assigned && (!ActionUpdates.IsUnderWay(action.Status) || action.DueOn != due))
        {
            return null;
        }

        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == action.PlanId).Select(p => new { p.Key }).SingleAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var line = ActionLines.From(action, plan.Key, today, canUpdate: true);
        return type switch
        {
            Assigned => new ActionList(
                $"You own improvement action {action.Number}",
                $"Adopted from a review of {plan.Key}, due {ActionLines.Day(action.DueOn)}. Update it here as it goes; " +
                "once the change is live, mark it implemented, and the next reviews check whether it worked.",
                [line],
                "Type **actions** for every action you own."),
            DueSoon => new ActionList(
                $"Reminder: action {action.Number} is due on {ActionLines.Day(action.DueOn)}",
                "Where is it? Update it here: in progress, or implemented with the day it went live.",
                [line],
                null),
            _ => new ActionList(
                $"Action {action.Number} is overdue: it was due on {ActionLines.Day(action.DueOn)}",
                "Update it here: implemented with the day it went live, in progress with a note on what holds it up, or abandoned.",
                [line],
                null),
        };
    }

    private static (string Type, Guid Action, DateOnly Due) Read(OutboxMessage message)
    {
        using var body = JsonDocument.Parse(message.Body ?? throw new InvalidOperationException($"Outbox message {message.Id} is an action reminder without a body."));
        var root = body.RootElement;
        return (
            root.GetProperty("type").GetString()!,
            Guid.Parse(root.GetProperty("action").GetString()!),
            DateOnly.ParseExact(root.GetProperty("due").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
