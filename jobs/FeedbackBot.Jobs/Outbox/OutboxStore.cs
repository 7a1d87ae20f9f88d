using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Jobs.Outbox;

/// <summary>
/// The outbox rows' state changes, each one conditional update, so that several dispatchers (threads of one
/// instance or several instances on one database) never hold the same row: a claim moves a due row from
/// <c>Pending</c> to <c>Sending</c> only if it is still pending, and only one claimer's update can match. On
/// PostgreSQL a claim also needs the tenant's send lease (<see cref="TenantSendLeases"/>), so that one instance at a
/// time sends for a tenant.
/// </summary>
public sealed class OutboxStore(
    IDbContextFactory<FeedbackDbContext> contexts, TenantSendLeases leases, IOptions<OutboxOptions> options, TimeProvider clock)
{
    private const int MaxErrorLength = 2000;

    // After a lost race the claimer picks among a few of the oldest due rows, so racing dispatchers spread out.
    private const int ContendedCandidates = 16;

    private readonly OutboxOptions _options = options.Value;

    /// <summary>
    /// Claims the oldest due message for this caller; null when none is due. On PostgreSQL only messages of tenants
    /// whose send lease nobody else holds are candidates, and the lease is taken (or renewed) before the claim.
    /// </summary>
    public async Task<OutboxMessage?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var leased = leases.AppliesTo(db);
        var holder = leases.Holder;
        // Each lost race means another claimer took that row, or another instance that tenant; the loop ends when a
        // row is won or none is due.
        for (var attempt = 0; ; attempt++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var due = db.Outbox.AsNoTracking().Where(m => m.State == OutboxState.Pending && m.NextAttemptAt <= now);
            if (leased)
            {
                due = due.Where(m => !db.SendLeases.Any(l => l.TenantId == m.TenantId && l.Holder != holder && l.ExpiresAt > now));
            }

            var candidates = await due
                // The (state, next_attempt_at) index alone: a second sort key would make every claim sort all pending rows.
                .OrderBy(m => m.NextAttemptAt)
                .Take(attempt == 0 ? 1 : ContendedCandidates)
                .ToListAsync(cancellationToken);
            if (candidates.Count == 0)
            {
                return null;
            }

            var candidate = candidates[attempt == 0 ? 0 : Random.Shared.Next(candidates.Count)];
            if (leased && !leases.HoldsFresh(candidate.TenantId, now) && !await leases.TryHoldAsync(db, candidate.TenantId, now, cancellationToken))
            {
                continue;
            }

            var until = now + _options.ClaimLifetime;
            var claimed = await db.Outbox
                .Where(m => m.Id == candidate.Id && m.State == OutboxState.Pending)
                .ExecuteUpdateAsync(
                    set => set.SetProperty(m => m.State, OutboxState.Sending)
                        .SetProperty(m => m.ClaimedUntil, until)
                        .SetProperty(m => m.Attempts, m => m.Attempts + 1),
                    cancellationToken);
            if (claimed == 1)
            {
                candidate.State = OutboxState.Sending;
                candidate.ClaimedUntil = until;
                candidate.Attempts++;
                return candidate;
            }
        }
    }

    /// <summary>Records how a send ended. A row the sweep already called Uncertain is corrected: it is known now.</summary>
    public async Task CompleteAsync(Guid id, OutboxSendResult result, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var state = result switch
        {
            OutboxSendResult.Sent => OutboxState.Sent,
            OutboxSendResult.Unreachable => OutboxState.Unreachable,
            _ => OutboxState.Failed,
        };
        DateTime? sentAt = result == OutboxSendResult.Sent ? now : null;
        var error = result switch
        {
            OutboxSendResult.Unreachable => "The recipient cannot be reached: they blocked or removed the bot, or the conversation is gone.",
            OutboxSendResult.NotNeeded => "Not needed any more: already answered, or the cycle has closed.",
            _ => null,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Outbox
            .Where(m => m.Id == id && (m.State == OutboxState.Sending || m.State == OutboxState.Transmitting || m.State == OutboxState.Uncertain))
            .ExecuteUpdateAsync(
                set => set.SetProperty(m => m.State, state)
                    .SetProperty(m => m.ClaimedUntil, (DateTime?)null)
                    .SetProperty(m => m.SentAt, sentAt)
                    .SetProperty(m => m.LastError, error),
                cancellationToken);
    }

    /// <summary>
    /// A send that threw: nothing was delivered, so the message waits and is tried again, or is given up as
    /// <c>Failed</c> after its last attempt. Returns the state it was left in.
    /// </summary>
    public async Task<OutboxState> FailAsync(OutboxMessage message, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(error);
        var now = clock.GetUtcNow().UtcDateTime;
        var giveUp = message.Attempts >= _options.MaxAttempts;
        var state = giveUp ? OutboxState.Failed : OutboxState.Pending;
        var next = giveUp ? message.NextAttemptAt : now + _options.Backoff(message.Attempts);
        var text = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Outbox
            .Where(m => m.Id == message.Id && (m.State == OutboxState.Sending || m.State == OutboxState.Transmitting || m.State == OutboxState.Uncertain))
            .ExecuteUpdateAsync(
                set => set.SetProperty(m => m.State, state)
                    .SetProperty(m => m.ClaimedUntil, (DateTime?)null)
                    .SetProperty(m => m.NextAttemptAt, next)
                    .SetProperty(m => m.LastError, text),
                cancellationToken);
        return state;
    }

    /// <summary>Gives back a claimed message whose send never started, as if it had not been claimed.</summary>
    public async Task ReleaseAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Outbox
            .Where(m => m.Id == id && m.State == OutboxState.Sending)
            .ExecuteUpdateAsync(
                set => set.SetProperty(m => m.State, OutboxState.Pending)
                    .SetProperty(m => m.ClaimedUntil, (DateTime?)null)
                    .SetProperty(m => m.Attempts, m => m.Attempts - 1),
                cancellationToken);
    }

    /// <summary>The send is about to leave for the platform: from now on a lost outcome makes it Uncertain.</summary>
    public async Task MarkTransmittingAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Outbox
            .Where(m => m.Id == id && m.State == OutboxState.Sending)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.State, OutboxState.Transmitting), cancellationToken);
    }

    /// <summary>
    /// A send cut off part way: if it had begun to transmit it may or may not have arrived, so it is never sent
    /// again; if it had not, it goes back to wait as if never claimed. Returns whether it was marked Uncertain.
    /// </summary>
    public async Task<bool> MarkUncertainAsync(Guid id, string reason, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var uncertain = await db.Outbox
            .Where(m => m.Id == id && m.State == OutboxState.Transmitting)
            .ExecuteUpdateAsync(
                set => set.SetProperty(m => m.State, OutboxState.Uncertain)
                    .SetProperty(m => m.ClaimedUntil, (DateTime?)null)
                    .SetProperty(m => m.LastError, reason),
                cancellationToken);
        if (uncertain == 0)
        {
            await ReleaseAsync(id, cancellationToken);
        }

        return uncertain > 0;
    }

    /// <summary>
    /// Deals with every claim that ran out (its dispatcher died part way): a message that had begun to transmit is
    /// marked <c>Uncertain</c>, because whether it arrived cannot be known; one still waiting to transmit goes back to
    /// <c>Pending</c> and is sent by whoever claims it next. Returns how many were marked Uncertain.
    /// </summary>
    public async Task<int> ExpireClaimsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Outbox
            .Where(m => m.State == OutboxState.Sending && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(
                set => set.SetProperty(m => m.State, OutboxState.Pending)
                    .SetProperty(m => m.ClaimedUntil, (DateTime?)null)
                    .SetProperty(m => m.Attempts, m => m.Attempts - 1),
                cancellationToken);
        return await db.Outbox
            .Where(m => m.State == OutboxState.Transmitting && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(
                set => set.SetProperty(m => m.State, OutboxState.Uncertain)
                    .SetProperty(m => m.ClaimedUntil, (DateTime?)null)
                    .SetProperty(m => m.LastError, "The dispatcher sending it stopped before saying how the send ended; it is not sent again."),
                cancellationToken);
    }
}
