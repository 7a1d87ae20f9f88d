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
