using System.Text.Json.Nodes;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Infrastructure.Outbox;

/// <summary>Builds the outbox rows of the cycle's steps; the key makes each one unique for good.</summary>
internal static class OutboxRows
{
    public static OutboxMessage ToPerson(Guid tenantId, OutboxKind kind, string key, Guid personId, Guid cycleId, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        TenantId = tenantId,
        Kind = kind,
        DedupeKey = key,
        PersonId = personId,
        CycleId = cycleId,
        State = OutboxState.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
    };

    /// <summary>
    /// An e-mail invitation (<c>email-invite:{invitation}</c>) or reminder (<c>email-remind:{invitation}:{n}</c>) to a
    /// customer invitation's contact, sent no earlier than <paramref name="sendAt"/> (a helpdesk trigger's delay).
    /// </summary>
    public static OutboxMessage ToContact(Guid tenantId, OutboxKind kind, string key, Guid invitationId, Guid cycleId, DateTime sendAt, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        TenantId = tenantId,
        Kind = kind,
        DedupeKey = key,
        InvitationId = invitationId,
        CycleId = cycleId,
        State = OutboxState.Pending,
        NextAttemptAt = sendAt < now ? now : sendAt,
        CreatedAt = now,
    };

    public static OutboxMessage ToChannel(Guid tenantId, OutboxKind kind, string key, PostDestination target, Guid? reviewId, string? text, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        TenantId = tenantId,
        Kind = kind,
        DedupeKey = key.Length <= 300 ? key : key[..300],
        ReviewId = reviewId,
        TargetChannel = target.Channel,
        TargetConversation = target.Conversation,
        Body = text is null ? null : new JsonObject { ["text"] = text }.ToJsonString(),
        State = OutboxState.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
    };

    /// <summary>Adds the row unless one with its key was queued before (by an earlier run of the same step).</summary>
    public static async Task AddOnceAsync(FeedbackDbContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        if (db.Outbox.Local.Any(m => m.DedupeKey == message.DedupeKey)
            || await db.Outbox.AnyAsync(m => m.DedupeKey == message.DedupeKey, cancellationToken))
        {
            return;
        }

        db.Outbox.Add(message);
    }
}
