using FeedbackBot.Jobs.Outbox;
using FeedbackBot.Jobs.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Everything this project runs in the bot: the outbox dispatcher (<c>Outbox</c> section) and the scheduler with
    /// its cycle jobs (<c>Jobs</c> section). The host registers its own implementations of what they call: an
    /// <see cref="Cycles.ICycleLifecycle"/>, an <see cref="IOutboxTransport"/> and the <c>FeedbackDbContext</c>
    /// factory. <paramref name="role"/> <see cref="SchedulerRole.Standby"/> gives a process that drives the outbox and
    /// reads the schedule without running any job.
    /// </summary>
    public static IServiceCollection AddFeedbackJobs(
        this IServiceCollection services, IConfiguration configuration, SchedulerRole role = SchedulerRole.Host)
    {
        services.AddFeedbackOutbox(configuration);
        services.AddFeedbackScheduler(configuration, role);
        return services;
    }
}
