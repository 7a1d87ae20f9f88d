using FeedbackBot.Jobs.Scheduling;
using FeedbackBot.Testing;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Tests.Support;

/// <summary>
/// Hangfire fires on real time; tests that cover a five-minute cycle move a <see cref="ManualClock"/> instead. After
/// a jump this does what Hangfire's own schedulers will do once real time reaches the same point: starts the
/// recurring jobs due by then (and the plan sync, as its every-minute run would) and enqueues the delayed jobs due by
/// then. Everything else (which job runs where, the retries, the workers) is Hangfire's own.
/// </summary>
internal static class DueJobs
{
    public static void JumpTo(ManualClock clock, DateTimeOffset to, params IServiceProvider[] hosts)
    {
        ArgumentNullException.ThrowIfNull(clock);
        clock.AdvanceTo(to);
        foreach (var host in hosts)
        {
            Start(host, to);
        }
    }

    public static void Start(IServiceProvider host, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(host);
        var storage = host.GetRequiredService<JobStorage>();
        var recurring = host.GetRequiredService<IRecurringJobManagerV2>();
        using (var connection = storage.GetConnection())
        {
            foreach (var job in connection.GetRecurringJobs())
            {
                if (job.Id == JobIds.PlanSync || job.NextExecution <= now.UtcDateTime)
                {
                    recurring.TriggerJob(job.Id);
                }
            }
        }

        var jobs = host.GetRequiredService<IBackgroundJobClient>();
        foreach (var (id, scheduled) in storage.GetMonitoringApi().ScheduledJobs(0, 1000))
        {
            if (scheduled.InScheduledState && scheduled.EnqueueAt <= now.UtcDateTime)
            {
                jobs.Requeue(id);
            }
        }
    }

    /// <summary>The delayed jobs Hangfire holds, by the name the dashboard shows.</summary>
    public static IReadOnlyList<(string Name, DateTime EnqueueAt)> Scheduled(IServiceProvider host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return [.. host.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledJobs(0, 1000)
            .Where(j => j.Value.InScheduledState)
            .Select(j => (SchedulerOverview.DisplayName(j.Value.Job), j.Value.EnqueueAt))];
    }

    /// <summary>Every job the store holds in any state, by the name the dashboard shows.</summary>
    public static IReadOnlyList<string> All(IServiceProvider host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var monitoring = host.GetRequiredService<JobStorage>().GetMonitoringApi();
        return
        [
            .. monitoring.ScheduledJobs(0, 1000).Select(j => SchedulerOverview.DisplayName(j.Value.Job)),
            .. monitoring.EnqueuedJobs("default", 0, 1000).Select(j => SchedulerOverview.DisplayName(j.Value.Job)),
            .. monitoring.ProcessingJobs(0, 1000).Select(j => SchedulerOverview.DisplayName(j.Value.Job)),
            .. monitoring.SucceededJobs(0, 1000).Select(j => SchedulerOverview.DisplayName(j.Value.Job)),
            .. monitoring.FailedJobs(0, 1000).Select(j => SchedulerOverview.DisplayName(j.Value.Job)),
        ];
    }
}
