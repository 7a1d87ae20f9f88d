using System.Threading.Channels;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Pulses;

/// <summary>
/// Stores pulse answers, many in one transaction when they arrive together: a pulse's answers come in a burst, and
/// one write (its statements sent together, one commit) for each answer was most of what an answer cost the bot and
/// the database. An answer arriving while the writer is idle is written at once, alone; those arriving meanwhile go
/// in the next write. Each caller hears its own outcome only once its answer is committed, so a request is never
/// acknowledged before its answer is stored.
/// </summary>
internal sealed class PulseAnswerWriter : IAsyncDisposable, IDisposable
{
    // Eight statements an answer or so: a write of this many still goes to the database in a few round trips.
    private const int MaxPerWrite = 200;

    private readonly IDbContextFactory<FeedbackDbContext> _contexts;
    private readonly Channel<PendingAnswer> _queue = Channel.CreateUnbounded<PendingAnswer>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writing;

    public PulseAnswerWriter(IDbContextFactory<FeedbackDbContext> contexts)
    {
        _contexts = contexts;
        _writing = Task.Run(WriteAllAsync);
    }

    /// <summary>
    /// Stores <paramref name="response"/> (new, with its answers) and marks the person's invitation answered. False
    /// when an answer under the same key was stored first (a redelivery, a double click); a database failure is
    /// thrown to the caller, with nothing of this answer stored.
    /// </summary>
    public Task<bool> StoreAsync(Response response, Guid? invitationId, DateTime answeredAt)
    {
        var pending = new PendingAnswer(response, invitationId, answeredAt);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(PulseAnswerWriter), "The bot is stopping; the answer was not stored.");
        }

        return pending.Stored.Task;
    }

    /// <summary>When the host stops, after every request has been answered: writes what is queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writing;
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _writing.GetAwaiter().GetResult();
    }

    private async Task WriteAllAsync()
    {
        var batch = new List<PendingAnswer>(MaxPerWrite);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxPerWrite && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            await WriteAsync(batch);
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<PendingAnswer> batch)
    {
        try
        {
            await SaveAsync(batch);
            batch.ForEach(p => p.Stored.TrySetResult(true));
        }
        catch (Exception) when (batch.Count > 1)
        {
            // One of them could not be stored (a redelivery whose first copy is in the same write, say), so none
            // was: each is written alone to find its own outcome.
            foreach (var pending in batch)
            {
                await WriteAsync([pending]);
            }
        }
        catch (DbUpdateException ex)
        {
            var (cycleId, key) = (batch[0].Response.CycleId, batch[0].Response.IdempotencyKey);
            try
            {
                // The unique key let another copy store it first; anything else is a real failure.
                await using var db = await _contexts.CreateDbContextAsync();
                if (await db.Responses.AnyAsync(r => r.CycleId == cycleId && r.IdempotencyKey == key))
                {
                    batch[0].Stored.TrySetResult(false);
                    return;
                }
            }
            catch (Exception checking) when (checking is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                batch[0].Stored.TrySetException(checking);
                return;
            }

            batch[0].Stored.TrySetException(ex);
        }
        catch (Exception ex)
        {
            batch[0].Stored.TrySetException(ex);
        }
    }

    private async Task SaveAsync(List<PendingAnswer> batch)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        foreach (var (response, invitationId, answeredAt) in batch)
        {
            db.Responses.Add(response);
            if (invitationId is { } id)
            {
                // Only the two columns change; the invitation itself is not read again.
                var invitation = new Invitation { Id = id };
                db.Invitations.Attach(invitation);
                invitation.State = InvitationState.Answered;
                invitation.AnsweredAt = answeredAt;
                db.Entry(invitation).Property(i => i.State).IsModified = true;
                db.Entry(invitation).Property(i => i.AnsweredAt).IsModified = true;
            }
        }

        await db.SaveChangesAsync();
    }

    private sealed record PendingAnswer(Response Response, Guid? InvitationId, DateTime AnsweredAt)
    {
        public TaskCompletionSource<bool> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
