using System.Diagnostics;
using FeedbackBot.Infrastructure.Inbox;
using FeedbackBot.Infrastructure.Telemetry;

namespace FeedbackBot.Adapters.Slack;

/// <summary>
/// Does the Slack work acknowledged by the endpoints and the Socket Mode connection: at once for work queued in this
/// process, and, by a sweep every few seconds, anything left over by a crash or a failure in any instance. Each
/// entry is claimed first, so two instances never do the same work twice at once.
/// </summary>
internal sealed class SlackWorker(
    SlackWorkQueue queue,
    InboundDeliveries inbox,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger<SlackWorker> log) : BackgroundService
{
    public const int MaxAttempts = 5;
    private const int Parallelism = 4;
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(Parallelism);
        var running = new List<Task>();
        var sweep = Task.Run(() => SweepAsync(slots, stoppingToken), stoppingToken);
        try
        {
            await foreach (var entryId in queue.Ready.ReadAllAsync(stoppingToken))
            {
                await slots.WaitAsync(stoppingToken);
                running.RemoveAll(t => t.IsCompleted);
                running.Add(RunAsync(entryId, slots, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Work in hand finishes or is given back; what is not done stays in the inbox for the next start.
        await Task.WhenAll(running.Append(sweep)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task SweepAsync(SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        var lastPrune = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var entry in await inbox.PendingAsync(SlackWorkQueue.Channel, MaxAttempts, limit: 50, stoppingToken))
                {
                    await slots.WaitAsync(stoppingToken);
                    await RunAsync(entry.Id, slots, stoppingToken);
                }

                if (clock.GetUtcNow() - lastPrune > PruneEvery)
                {
                    await inbox.PruneAsync(stoppingToken);
                    lastPrune = clock.GetUtcNow();
                }

                await Task.Delay(SweepEvery, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                log.LogError(error, "The Slack inbox sweep failed; it runs again shortly");
                await Task.Delay(SweepEvery, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task RunAsync(Guid entryId, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            if (!await inbox.ReclaimAsync(entryId, stoppingToken))
            {
                return;
            }

            var payload = await inbox.PayloadAsync(entryId, stoppingToken);
            try
            {
                if (payload is not null && SlackWork.Deserialize(payload) is { } work)
                {
                    // A child of the request that acknowledged it, so request, turn, queries and reply are one trace,
                    // as a Teams turn's are; the request has ended by now.
                    using var span = BotTelemetry.Source.StartActivity(
                        "slack.work", ActivityKind.Consumer, ActivityContext.TryParse(work.TraceParent, null, out var parent) ? parent : default);
                    span?.SetTag("feedbackbot.slack.work", work.Kind);
                    await using var scope = scopes.CreateAsyncScope();
                    try
                    {
                        await scope.ServiceProvider.GetRequiredService<SlackTurns>().DoAsync(work, stoppingToken);
                    }
                    catch (Exception error) when (BotTelemetry.Failed(span, error))
                    {
                        throw;
                    }
                }
                else
                {
                    log.LogWarning("Dropped an unreadable Slack inbox entry {EntryId}", entryId);
                }

                await inbox.CompleteAsync(entryId, CancellationToken.None);
            }
            catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(error, "Slack work {EntryId} failed; it is tried again later", entryId);
                await inbox.ReleaseAsync(entryId, error.Message, CancellationToken.None);
            }
            catch (OperationCanceledException)
            {
                await inbox.ReleaseAsync(entryId, "stopped before it finished", CancellationToken.None);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            log.LogError(error, "Could not process Slack work {EntryId}", entryId);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            slots.Release();
        }
    }
}
