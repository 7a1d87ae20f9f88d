using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Jobs.Scheduling;

/// <summary>
/// Puts the recurring jobs in place as the bot starts, before it serves, so a plan applied while the bot was down is
/// scheduled at once and the dashboard shows every job from the first request. The bot serves even when the database
/// is down at that moment (its readiness check says so); this then tries again every 15 seconds until the database
/// answers. Hangfire's server retries its own connections likewise.
/// </summary>
internal sealed class RecurringJobStarter(RecurringJobSync sync, IOptions<JobsOptions> options, ILogger<RecurringJobStarter> logger) : BackgroundService
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(15);

    private bool _done;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("{Key} is false: this instance runs no jobs", JobsOptions.EnabledKey);
        }

        _done = await TrySyncAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!_done && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(RetryInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _done = await TrySyncAsync(stoppingToken);
        }
    }

    private async Task<bool> TrySyncAsync(CancellationToken cancellationToken)
    {
        try
        {
            await sync.SyncAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The recurring jobs could not be set up; trying again in {Seconds} s", RetryInterval.TotalSeconds);
            return false;
        }
    }
}
