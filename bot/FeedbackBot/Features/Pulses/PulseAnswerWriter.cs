using System.Threading.Channels;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FeedbackBot.Features.Pulses;

/// <summary>
/// Stores pulse answers, many in one transaction when they arrive together: a pulse's answers come in a burst, and
/// one write (its statements sent together, one commit) for each answer was most of what an answer cost the bot and
/// the database. An answer arriving while the writer is idle is written at once, alone; those arriving meanwhile go
/// in the next write. Each caller hears its own outcome only once its answer is committed, so a request is never
/// acknowledged before its answer is stored.
/// </summary>
/// <remarks>
/// Whether the cycle is open is decided here, in the storing transaction, and on PostgreSQL the open cycles are
/// locked for share until it commits: a close (which marks its cycle closed before it reads the answers for the
/// review) either waits for these answers or makes them find the cycle closed. No answer lands in a cycle whose
/// review has been built.
/// </remarks>
internal sealed class PulseAnswerWriter : IAsyncDisposable, IDisposable
{
    // Eight rows an answer or so: a write of this many still goes to the database in a few round trips.
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
    /// Stores <paramref name="response"/> (new, with its answers) if its cycle is open, and marks the invitation of
    /// <paramref name="personId"/> to that cycle answered at <paramref name="answeredAt"/>. A database failure is
    /// thrown to the caller, with nothing of this answer stored.
    /// </summary>
    public Task<StoreOutcome> StoreAsync(Response response, Guid personId, DateTime answeredAt)
    {
        var pending = new PendingAnswer(response, personId, answeredAt);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(PulseAnswerWriter), "The bot is stopping; the answer was not stored.");
        }

        return pending.Outcome.Task;
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
            var closed = await SaveAsync(batch);
            batch.ForEach(p => p.Outcome.TrySetResult(closed.Contains(p.Response.CycleId) ? StoreOutcome.CycleNotOpen : StoreOutcome.Stored));
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
                    batch[0].Outcome.TrySetResult(StoreOutcome.AlreadyStored);
                    return;
                }
            }
            catch (Exception checking) when (checking is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                batch[0].Outcome.TrySetException(checking);
                return;
            }

            batch[0].Outcome.TrySetException(ex);
        }
        catch (Exception ex)
        {
            batch[0].Outcome.TrySetException(ex);
        }
    }

    // Returns the cycles of the batch that were not open, whose answers were left out.
    private async Task<HashSet<Guid>> SaveAsync(List<PendingAnswer> batch)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        var postgres = db.Database.IsNpgsql();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var cycleIds = batch.Select(p => p.Response.CycleId).Distinct().ToArray();
        var open = postgres
            ? await db.Database.SqlQueryRaw<Guid>(
                "SELECT id AS \"Value\" FROM review_cycles WHERE id = ANY(@ids) AND state = @open FOR SHARE",
                new NpgsqlParameter("ids", cycleIds), new NpgsqlParameter("open", nameof(CycleState.Open))).ToListAsync()
            : await db.ReviewCycles.Where(c => cycleIds.Contains(c.Id) && c.State == CycleState.Open).Select(c => c.Id).ToListAsync();
        var closed = cycleIds.Except(open).ToHashSet();
        var storing = batch.Where(p => !closed.Contains(p.Response.CycleId)).ToList();
        if (storing.Count == 0)
        {
            return closed;
        }

        if (postgres)
        {
            await SaveInSetsAsync(db, storing);
        }
        else
        {
            db.Responses.AddRange(storing.Select(p => p.Response));
            await db.SaveChangesAsync();
            foreach (var (response, personId, answeredAt) in storing)
            {
                await db.Invitations.Where(i => i.CycleId == response.CycleId && i.PersonId == personId)
                    .ExecuteUpdateAsync(set => set.SetProperty(i => i.State, InvitationState.Answered).SetProperty(i => i.AnsweredAt, answeredAt));
            }
        }

        await transaction.CommitAsync();
        return closed;
    }

    // On PostgreSQL the answers (seven or so to a response) and the invitations' marks go as one statement each for
    // the whole batch, their values in arrays, rather than a statement a row: starting and finishing those small
    // statements was most of what the database spent on a pulse answer.
    private static async Task SaveInSetsAsync(FeedbackDbContext db, List<PendingAnswer> storing)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Database.AutoSavepointsEnabled = false;
        var answers = new List<(Guid ResponseId, Answer Answer)>();
        foreach (var pending in storing)
        {
            // The response alone: its answers are written below.
            db.Entry(pending.Response).State = EntityState.Added;
            answers.AddRange(pending.Response.Answers.Select(a => (pending.Response.Id, a)));
        }

        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO answers (response_id, question_id, value, number) SELECT * FROM unnest(@r, @q, @v, @n);
            UPDATE invitations AS i SET state = @answered, answered_at = u.at
            FROM unnest(@cycles, @people, @ats) AS u(cycle_id, person_id, at) WHERE i.cycle_id = u.cycle_id AND i.person_id = u.person_id;
            """,
            new NpgsqlParameter("r", answers.Select(a => a.ResponseId).ToArray()),
            new NpgsqlParameter("q", answers.Select(a => a.Answer.QuestionId).ToArray()),
            new NpgsqlParameter("v", answers.Select(a => a.Answer.Value).ToArray()),
            new NpgsqlParameter("n", answers.Select(a => a.Answer.Number).ToArray()),
            new NpgsqlParameter("answered", nameof(InvitationState.Answered)),
            new NpgsqlParameter("cycles", storing.Select(p => p.Response.CycleId).ToArray()),
            new NpgsqlParameter("people", storing.Select(p => p.PersonId).ToArray()),
            new NpgsqlParameter("ats", storing.Select(p => p.AnsweredAt).ToArray()));
    }

    private sealed record PendingAnswer(Response Response, Guid PersonId, DateTime AnsweredAt)
    {
        public TaskCompletionSource<StoreOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>What became of an answer given to <see cref="PulseAnswerWriter"/>.</summary>
internal enum StoreOutcome
{
    /// <summary>Stored now.</summary>
    Stored,

    /// <summary>An answer under the same key was stored first (a redelivery, a double click); nothing more stored.</summary>
    AlreadyStored,

    /// <summary>Its cycle is closed (or gone), so nothing was stored.</summary>
    CycleNotOpen,
}
