using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace FeedbackBot.Jobs.Scheduling;

/// <summary>
/// Creates the scheduler with the host and starts it unless <c>Jobs:Enabled</c> is false. Quartz's own hosted service
/// fails the host's start when the database is down at that moment; here the bot serves anyway (its readiness check
/// says the database is unreachable) and the scheduler is tried again every 15 seconds until the database answers.
/// </summary>
internal sealed class SchedulerStarter(
    ISchedulerFactory schedulers, IOptions<JobsOptions> options, ILogger<SchedulerStarter> logger) : BackgroundService, IAsyncDisposable
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(15);

    private IScheduler? _scheduler;
    private bool _ready;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Created here rather than in the background: the container disposes what it created later first, and a
        // scheduler half-built when a host is disposed without being stopped would go on running.
        await TryStartSchedulerAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!_ready)
        {
            try
            {
                await Task.Delay(RetryInterval, stoppingToken);
                await TryStartSchedulerAsync(stoppingToken);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_scheduler is { Status: not (SchedulerStatus.Shutdown or SchedulerStatus.ShuttingDown) } scheduler)
        {
            // Running jobs finish: each lifecycle step is idempotent, but one cut short would only be redone at the next start.
            await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }
    }

    /// <summary>
    /// A host disposed without being stopped (tests do this) disposes its container, which leaves Quartz's scheduler
    /// thread running against a database that may be gone; stop it here.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_scheduler is { Status: not (SchedulerStatus.Shutdown or SchedulerStatus.ShuttingDown) } scheduler)
        {
            try
            {
                await scheduler.Shutdown(waitForJobsToComplete: false);
            }
            catch (ObjectDisposedException)
            {
                // Parts of the store were disposed before this; the scheduler thread has stopped all the same.
            }
        }

        Dispose();
    }

    private async Task TryStartSchedulerAsync(CancellationToken cancellationToken)
    {
        try
        {
            _scheduler = await schedulers.GetScheduler(cancellationToken);
            if (options.Value.Enabled)
            {
                await _scheduler.Start(cancellationToken);
            }
            else if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("{Key} is false: this instance runs no jobs", JobsOptions.EnabledKey);
            }

            _ready = true;
        }
        catch (Exception e) when (e is not (OperationCanceledException or ObjectDisposedException))
        {
            logger.LogWarning(e, "The scheduler could not start; trying again in {Seconds} s", RetryInterval.TotalSeconds);
        }
    }
}
