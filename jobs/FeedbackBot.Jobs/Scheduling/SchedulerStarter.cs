using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace FeedbackBot.Jobs.Scheduling;

/// <summary>
/// Creates the scheduler once the host has started and starts it unless <c>Jobs:Enabled</c> is false. Quartz's own
/// hosted service creates the scheduler inside the host's start, so a database that is down at that moment would
/// stop the whole bot; here the bot serves (its readiness check says the database is unreachable) and the scheduler
/// is retried until the database answers.
/// </summary>
internal sealed class SchedulerStarter(
    ISchedulerFactory schedulers, IOptions<JobsOptions> options, ILogger<SchedulerStarter> logger) : BackgroundService
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(15);

    private IScheduler? _scheduler;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var scheduler = await schedulers.GetScheduler(stoppingToken);
                _scheduler = scheduler;
                if (options.Value.Enabled)
                {
                    await scheduler.Start(stoppingToken);
                }
                else if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("{Key} is false: this instance runs no jobs", JobsOptions.EnabledKey);
                }

                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The scheduler could not start; trying again in {Seconds} s", RetryInterval.TotalSeconds);
            }

            try
            {
                await Task.Delay(RetryInterval, stoppingToken);
            }
            catch (OperationCanceledException)
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
}
