using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Infrastructure.Inbox;

/// <summary>
/// Records deliveries from the chat platforms so each is acted on once. A delivery is claimed for a while before
/// the work starts and marked processed after it; a redelivery of a processed one is recognised, and one whose
/// worker died is taken over once its claim has run out.
/// </summary>
internal sealed class InboundDeliveries(IDbContextFactory<FeedbackDbContext> contexts, TimeProvider clock)
{
    /// <summary>How long a worker may hold a delivery before another may take it over.</summary>
    public static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(2);

    /// <summary>Longer than the platforms keep redelivering, so a late retry is still recognised.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    private const int MaxErrorLength = 2000;

    public async Task<InboxClaim> ClaimAsync(string channel, string deliveryKey, string? payload, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(deliveryKey);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entry = new InboxEntry
        {
            Id = Guid.NewGuid(),
            Channel = channel,
            DeliveryKey = deliveryKey,
            Payload = payload,
            ReceivedAt = now,
            ClaimedUntil = now + ClaimLifetime,
            Attempts = 1,
        };
        db.Inbox.Add(entry);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new InboxClaim(InboxClaimOutcome.Claimed, entry.Id);
        }
        catch (DbUpdateException)
        {
            // The unique (channel, delivery key) index: this delivery has been seen before.
        }

        db.ChangeTracker.Clear();
        var existing = await db.Inbox.AsNoTracking()
            .Where(e => e.Channel == channel && e.DeliveryKey == deliveryKey)
            .Select(e => new { e.Id, e.ProcessedAt })
            .SingleAsync(cancellationToken);
        if (existing.ProcessedAt is not null)
        {
            return new InboxClaim(InboxClaimOutcome.AlreadyProcessed, existing.Id);
        }

        return await TakeOverAsync(db, existing.Id, now, cancellationToken)
            ? new InboxClaim(InboxClaimOutcome.Claimed, existing.Id)
            : new InboxClaim(InboxClaimOutcome.InProgress, existing.Id);
    }

    /// <summary>
    /// Records work to do after the acknowledgement, unclaimed, so whichever worker reclaims it first does it: this
    /// process's worker at once, or any instance's sweep after a crash. False when the delivery was seen before.
    /// </summary>
    public async Task<(bool IsNew, Guid EntryId)> EnqueueAsync(string channel, string deliveryKey, string payload, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(deliveryKey);
        ArgumentNullException.ThrowIfNull(payload);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entry = new InboxEntry
        {
            Id = Guid.NewGuid(),
            Channel = channel,
            DeliveryKey = deliveryKey,
            Payload = payload,
            ReceivedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Inbox.Add(entry);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (true, entry.Id);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var existing = await db.Inbox.AsNoTracking().Where(e => e.Channel == channel && e.DeliveryKey == deliveryKey).Select(e => e.Id).SingleAsync(cancellationToken);
            return (false, existing);
        }
    }

    /// <summary>Claims an entry found by <see cref="PendingAsync"/>; false when another worker has it or it is done.</summary>
    public async Task<bool> ReclaimAsync(Guid entryId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await TakeOverAsync(db, entryId, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    /// <summary>The work kept with a delivery; null once it has been processed.</summary>
    public async Task<string?> PayloadAsync(Guid entryId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Inbox.AsNoTracking().Where(e => e.Id == entryId).Select(e => e.Payload).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task CompleteAsync(Guid entryId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The payload has served its purpose; only the key is needed to recognise a redelivery.
        await db.Inbox.Where(e => e.Id == entryId).ExecuteUpdateAsync(
            set => set.SetProperty(e => e.ProcessedAt, now).SetProperty(e => e.ClaimedUntil, (DateTime?)null).SetProperty(e => e.Payload, (string?)null).SetProperty(e => e.LastError, (string?)null),
            cancellationToken);
    }

    /// <summary>Gives a delivery back after a failure, so the platform's retry, or the pending sweep, can try again.</summary>
    public async Task ReleaseAsync(Guid entryId, string error, CancellationToken cancellationToken)
    {
        var message = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Inbox.Where(e => e.Id == entryId).ExecuteUpdateAsync(
            set => set.SetProperty(e => e.ClaimedUntil, (DateTime?)null).SetProperty(e => e.LastError, message),
            cancellationToken);
    }

    /// <summary>Deliveries of a channel with a payload still to process whose claim, if any, has run out; oldest first.</summary>
    public async Task<IReadOnlyList<InboxEntry>> PendingAsync(string channel, int maxAttempts, int limit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Inbox.AsNoTracking()
            .Where(e => e.Channel == channel && e.ProcessedAt == null && e.Payload != null && e.Attempts < maxAttempts
                && (e.ClaimedUntil == null || e.ClaimedUntil < now))
            .OrderBy(e => e.ReceivedAt)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Forgets processed deliveries older than <see cref="Retention"/>.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - Retention;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Inbox.Where(e => e.ProcessedAt != null && e.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    // A conditional update, so of two workers racing for one expired claim exactly one wins.
    private static async Task<bool> TakeOverAsync(FeedbackDbContext db, Guid entryId, DateTime now, CancellationToken cancellationToken)
    {
        var until = now + ClaimLifetime;
        var updated = await db.Inbox
            .Where(e => e.Id == entryId && e.ProcessedAt == null && (e.ClaimedUntil == null || e.ClaimedUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.ClaimedUntil, until).SetProperty(e => e.Attempts, e => e.Attempts + 1), cancellationToken);
        return updated == 1;
    }
}
