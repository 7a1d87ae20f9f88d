using FeedbackBot.Jobs.Scheduling;
using Microsoft.Extensions.Logging;
using Quartz;

namespace FeedbackBot.Jobs.Cycles;

/// <summary>
/// Opens a plan's cycle when its cron trigger fires, then schedules that cycle's close and first reminder at the
/// times the lifecycle returns. One run per plan at a time: two overlapping opens of one plan would race on the
/// same occurrence.
/// </summary>
[DisallowConcurrentExecution]
public sealed class OpenCycleJob(ICycleLifecycle lifecycle, ILogger<OpenCycleJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var planId = JobKeys.GetId(context, JobKeys.PlanIdKey);
        // The occurrence, not the moment it ran: a misfire fired late still opens the cycle that was due.
        var scheduledFor = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var opened = await lifecycle.OpenCycleAsync(planId, scheduledFor, cancellationToken);
        if (opened is null)
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Plan {PlanId}: no cycle opened for {ScheduledFor:O}", planId, scheduledFor);
            }

            context.Result = "nothing opened";
            return;
        }

        await CycleJobScheduling.ScheduleStepsAsync(context.Scheduler, opened, cancellationToken);

        context.Result = $"cycle {opened.CycleId} opened";
    }
}
