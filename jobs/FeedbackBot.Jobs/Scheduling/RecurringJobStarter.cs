using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Jobs.Scheduling;

/// <summary>
/// Puts the recurring jobs in place as the bot starts, so a plan applied while the bot was down is scheduled at once.
/// The bot serves even when the database is down at that moment (its readiness check says so); this tries again every
/// 15 seconds until the database answers. Hangfire's server retries its own connections likewise.
/// </summary>
internal sealed class RecurringJobStarter(RecurringJobSync sync, IOptions<JobsOptions> options, ILogger<RecurringJobStarter> logger) : BackgroundService
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("{Key} is false: this instance runs no jobs", JobsOptions.EnabledKey);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await sync.SyncAsync(stoppingToken);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The recurring jobs could not be set up; trying again in {Seconds} s", RetryInterval.TotalSeconds);
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
}
