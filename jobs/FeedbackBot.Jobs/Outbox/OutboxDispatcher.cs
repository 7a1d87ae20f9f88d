using System.Collections.Concurrent;
using FeedbackBot.Core.Delivery;
using FeedbackBot.Data.Entities;
using FeedbackBot.Data.Outage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Jobs.Outbox;

/// <summary>
/// Sends the outbox: claims due messages one at a time, only when one of its <see cref="OutboxOptions.Parallelism"/>
/// send slots is free, and sends each through <see cref="IOutboxTransport"/> (resolved in a scope of its own).
/// A message is sent at most once: a claim is exclusive, a failure before anything went out is retried with
/// backoff, and a send whose outcome was lost (a crash, a shutdown that could not wait) ends <c>Uncertain</c>.
/// On PostgreSQL it sends only for the tenants whose send lease it holds (<see cref="TenantSendLeases"/>), keeps
/// those leases while their sends are under way, and gives them back when it stops.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    OutboxStore store,
    TenantSendLeases leases,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    OutboxMetrics metrics,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan RecordRetryDelay = TimeSpan.FromSeconds(1);

    private readonly OutboxOptions _options = options.Value;

    // Cancelled only when the host's shutdown grace runs out: sends under way are let finish until then.
    private readonly CancellationTokenSource _abort = new();

    /// <summary>
    /// Sends every message due now, as the running service would, and returns when none is left due and every
    /// send has ended. For tests and tools that run the outbox without the host.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _abort.Token);
        return await PumpAsync(untilIdle: true, cancellationToken, abort.Token);
    }

    /// <summary>
    /// Deals with the messages whose dispatcher died while sending them: those that had begun to transmit are marked
    /// Uncertain (returned: how many), those still waiting for the platform's pace go back to be sent.
    /// </summary>
    public async Task<int> ExpireClaimsAsync(CancellationToken cancellationToken)
    {
        var expired = await store.ExpireClaimsAsync(cancellationToken);
        if (expired > 0)
        {
            metrics.Uncertain(expired);
            logger.LogWarning(
                "{Count} outbox messages were still being sent when their dispatcher stopped; they are marked Uncertain and not sent again.",
                expired);
        }

        return expired;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // base.StopAsync cancels the stopping token (no new claims) and waits for the sends under way; the token
        // given here ends the host's grace, and with it those sends.
        await using var registration = cancellationToken.Register(_abort.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await ExpireClaimsAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not look for outbox messages left Sending by a dispatcher that stopped.");
        }

        var sweeping = SweepPeriodicallyAsync(stoppingToken);
        var renewing = RenewLeasesPeriodicallyAsync(stoppingToken);
        await PumpAsync(untilIdle: false, stoppingToken, _abort.Token);
        await sweeping;
        await renewing;
    }

    private async Task RenewLeasesPeriodicallyAsync(CancellationToken stoppingToken)
    {
        // Often enough that a lease with sends under way never falls far below half its lifetime.
        var period = _options.SendLeaseLifetime / 12;
        try
        {
            while (true)
            {
                await Task.Delay(period, clock, stoppingToken);
                try
                {
                    await leases.RenewBusyAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogUnlessOutage(e, "Could not renew the send leases of the tenants with sends under way.");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SweepPeriodicallyAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_options.SweepInterval, clock, stoppingToken);
                try
                {
                    await ExpireClaimsAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogUnlessOutage(e, "Could not look for expired outbox claims.");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<int> PumpAsync(bool untilIdle, CancellationToken stopping, CancellationToken abort)
    {
        using var slots = new SemaphoreSlim(_options.Parallelism, _options.Parallelism);
        var inFlight = new ConcurrentDictionary<Guid, Task>();
        var started = 0;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                await slots.WaitAsync(stopping);
                var wake = signal.Next;
                OutboxMessage? message;
                try
                {
                    message = await store.ClaimNextAsync(stopping);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    slots.Release();
                    LogUnlessOutage(e, "Could not claim an outbox message; trying again shortly.");
                    await WaitForWorkAsync(wake, stopping);
                    continue;
                }

                if (message is null)
                {
                    slots.Release();
                    if (untilIdle)
                    {
                        break;
                    }

                    await WaitForWorkAsync(wake, stopping);
                    continue;
                }

                if (stopping.IsCancellationRequested)
                {
                    slots.Release();
                    await store.ReleaseAsync(message.Id, CancellationToken.None);
                    break;
                }

                started++;
                inFlight[message.Id] = SendAsync(message, slots, inFlight, abort);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }

        await Task.WhenAll(inFlight.Values);
        try
        {
            // Nothing of this dispatcher is under way any more: another instance may take its tenants at once.
            await leases.ReleaseAllAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not give back the send leases; other instances take those tenants over when the leases expire.");
        }

        return started;
    }

    private async Task WaitForWorkAsync(Task wake, CancellationToken stopping)
    {
        using var poll = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var delay = Task.Delay(_options.PollInterval, clock, poll.Token);
        await Task.WhenAny(wake, delay);
        await poll.CancelAsync();
        stopping.ThrowIfCancellationRequested();
    }

    private async Task SendAsync(OutboxMessage message, SemaphoreSlim slots, ConcurrentDictionary<Guid, Task> inFlight, CancellationToken abort)
    {
        // Off the claim loop at once, so it claims the next message while this one sends.
        await Task.Yield();
        leases.SendStarted(message.TenantId);
        try
        {
            await SendOneAsync(message, abort);
        }
        finally
        {
            leases.SendEnded(message.TenantId);
            inFlight.TryRemove(message.Id, out _);
            slots.Release();
        }
    }

    private async Task SendOneAsync(OutboxMessage message, CancellationToken abort)
    {
        OutboxSendResult result;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var transport = scope.ServiceProvider.GetRequiredService<IOutboxTransport>();
            using var transmission = OutboundTransmission.Begin(() => store.MarkTransmittingAsync(message.Id, CancellationToken.None));
            result = await transport.SendAsync(message, abort);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // Cut off part way: once transmitting it may have arrived, and nobody may get the same message twice;
            // before that it is simply given back.
            var uncertain = false;
            await RecordAsync(message, async () => uncertain = await store.MarkUncertainAsync(message.Id, "The dispatcher was stopped while sending it; it is not sent again.", CancellationToken.None));
            if (uncertain)
            {
                metrics.Uncertain(1);
                logger.LogWarning("Outbox message {Id} ({Kind}) was cut off by shutdown while sending; marked Uncertain.", message.Id, message.Kind);
            }

            return;
        }
        catch (Exception e)
        {
            OutboxState state = OutboxState.Pending;
            await RecordAsync(message, async () => state = await store.FailAsync(message, e.Message, CancellationToken.None));
            metrics.Failed(message.Kind, state == OutboxState.Failed);
            if (DatabaseOutage.IsOutage(e) && state != OutboxState.Failed)
            {
                // Nothing went out and it will be tried again; the outage itself is logged once, not per message.
                return;
            }

            logger.LogWarning(
                e, "Outbox message {Id} ({Kind}) failed on attempt {Attempt} of {MaxAttempts}{Outcome}.",
                message.Id, message.Kind, message.Attempts, _options.MaxAttempts, state == OutboxState.Failed ? "; giving up" : "; it will be tried again");
            return;
        }

        await RecordAsync(message, () => store.CompleteAsync(message.Id, result, CancellationToken.None));
        metrics.Completed(message.Kind, result);
    }

    // The send's outcome must be written even during shutdown; if the database refuses, the row stays Sending and
    // the sweep calls it Uncertain once its claim runs out, so it is never sent twice. While the database is only
    // away (a restart, a failover) the outcome is written again until half the claim's lifetime has gone: a send
    // that failed would otherwise end Uncertain and never go, and one that went would be reported as lost.
    private async Task RecordAsync(OutboxMessage message, Func<Task> record)
    {
        var giveUpAt = clock.GetUtcNow() + _options.ClaimLifetime / 2;
        while (true)
        {
            try
            {
                await record();
                return;
            }
            catch (Exception e) when (DatabaseOutage.IsOutage(e) && clock.GetUtcNow() < giveUpAt)
            {
                await Task.Delay(RecordRetryDelay, clock, CancellationToken.None);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Could not record the outcome of outbox message {Id}; it will be marked Uncertain when its claim runs out.", message.Id);
                return;
            }
        }
    }

    private void LogUnlessOutage(Exception e, string message)
    {
        if (!DatabaseOutage.IsOutage(e))
        {
#pragma warning disable CA2254 // Each caller passes one fixed message.
            logger.LogError(e, message);
#pragma warning restore CA2254
        }
    }
}
