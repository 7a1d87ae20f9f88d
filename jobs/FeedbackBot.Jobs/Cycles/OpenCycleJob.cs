using System.ComponentModel;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using Hangfire;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FeedbackBot.Jobs.Cycles;

/// <summary>
/// Opens a plan's cycle, then books that cycle's close and first reminder at the times the lifecycle returns. The
/// lifecycle opens each occurrence once, so a second run of the same occurrence (a retry, or two instances racing on
/// one recurring job) finds the cycle already open and changes nothing.
/// </summary>
public sealed class OpenCycleJob(
    ICycleLifecycle lifecycle, CycleSteps steps, IDbContextFactory<FeedbackDbContext> contexts, TimeProvider clock, ILogger<OpenCycleJob> logger)
{
    /// <summary>
    /// The plan's scheduled run. Hangfire starts it at the plan's cron, or late (once, however many were missed) after
    /// every instance was down; either way the cycle opened is the occurrence due last when it runs. Hangfire's own
    /// "Time" parameter would say when it fired, but the bot's clock decides what is due everywhere else, and the two
    /// name the same occurrence unless the job waited past the next one (then the newer one opens, as it would have).
    /// </summary>
    [DisplayName("{1}: open the scheduled cycle")]
    [AutomaticRetry(Attempts = 5)]
    public async Task RunAsync(Guid planId, string plan, CancellationToken cancellationToken)
    {
        var firedAt = clock.GetUtcNow();
        if (await LatestOccurrenceAsync(planId, firedAt, cancellationToken) is not { } occurrence)
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("{Plan}: no schedule to open a cycle for (the plan is gone or no longer scheduled)", plan);
            }

            return;
        }

        await OpenAsync(planId, plan, occurrence, cancellationToken);
    }

    /// <summary>
    /// <c>run PLAN now</c>: a cycle from the moment it was asked for. That moment is the job's own creation time, so a
    /// retry of the job opens the same cycle, not a second one.
    /// </summary>
    [DisplayName("{1}: open a cycle now")]
    [AutomaticRetry(Attempts = 5)]
    public Task RunNowAsync(Guid planId, string plan, PerformContext? context, CancellationToken cancellationToken)
    {
        var askedAt = context?.BackgroundJob.CreatedAt is { } created
            ? new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc))
            : clock.GetUtcNow();
        return OpenAsync(planId, plan, askedAt, cancellationToken);
    }

    private async Task OpenAsync(Guid planId, string plan, DateTimeOffset occurrence, CancellationToken cancellationToken)
    {
        var opened = await lifecycle.OpenCycleAsync(planId, occurrence, cancellationToken);
        if (opened is null)
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("{Plan}: no cycle opened for {Occurrence:O} (the plan is paused or gone)", plan, occurrence);
            }

            return;
        }

        await steps.BookAsync(opened, cancellationToken);
    }

    private async Task<DateTimeOffset?> LatestOccurrenceAsync(Guid planId, DateTimeOffset firedAt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var definition = await db.Plans.AsNoTracking()
            .Where(p => p.Id == planId)
            .SelectMany(p => p.Versions.Where(v => v.Number == p.CurrentVersion).Select(v => v.Definition))
            .FirstOrDefaultAsync(cancellationToken);
        if (definition is null || PlanJson.Deserialize(definition).Schedule is not { } schedule ||
            !CronSchedule.TryParse(schedule.Cron, out var cron, out _) ||
            !TimeZoneInfo.TryFindSystemTimeZoneById(schedule.TimeZone, out var zone))
        {
            return null;
        }

        return cron.GetLatestOccurrence(firedAt, zone);
    }
}
