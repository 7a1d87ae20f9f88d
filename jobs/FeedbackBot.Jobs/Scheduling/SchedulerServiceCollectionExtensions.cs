using FeedbackBot.Jobs.Actions;
using FeedbackBot.Jobs.Coaching;
using FeedbackBot.Jobs.Cycles;
using FeedbackBot.Jobs.People;
using FeedbackBot.Jobs.Retention;
using FeedbackBot.Jobs.Scorecards;
using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Jobs.Scheduling;

/// <summary>How a process uses the scheduler.</summary>
public enum SchedulerRole
{
    /// <summary>The bot: runs a Hangfire server with the host unless <c>Jobs:Enabled</c> is false.</summary>
    Host,

    /// <summary>A command: reads and changes the job store, never runs a job.</summary>
    Standby,
}

public static class SchedulerServiceCollectionExtensions
{
    /// <summary>
    /// Hangfire on the bot's database, with this host's own storage and activator rather than Hangfire's process-wide
    /// ones, so that two hosts in one process (the tests run several) never run each other's jobs. Expects the
    /// <c>FeedbackDbContext</c> factory, an <see cref="ICycleLifecycle"/>, an <see cref="IPeopleSync"/>, an
    /// <see cref="ICoachingReminders"/>, an <see cref="IActionReminders"/>, an <see cref="IQaRetention"/> and an <see cref="IResponseRetention"/> from the host.
    /// </summary>
    public static IServiceCollection AddFeedbackScheduler(
        this IServiceCollection services, IConfiguration configuration, SchedulerRole role = SchedulerRole.Host)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = JobsOptions.From(configuration);
        var database = SchedulerDatabase.From(configuration);

        services.AddOptions<JobsOptions>()
            .Configure(o =>
            {
                o.EnabledText = settings.EnabledText;
                o.WeeklySummaryCron = settings.WeeklySummaryCron;
                o.TimeZone = settings.TimeZone;
                o.PeopleSyncSchedule = settings.PeopleSyncSchedule;
                o.QaRetentionSchedule = settings.QaRetentionSchedule;
                o.ResponseRetentionSchedule = settings.ResponseRetentionSchedule;
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<JobsOptions>, JobsOptionsValidator>();
        services.AddSingleton(database);

        // Registered before AddHangfire, whose TryAdd would otherwise hand out the process-wide JobStorage.Current.
        services.AddSingleton<JobStorage>(_ => new DeferredJobStorage(() => SchedulerStorage.Create(database)));
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<HangfireLogAttachment>();
        services.AddHangfire((provider, hangfire) =>
        {
            provider.GetRequiredService<HangfireLogAttachment>();
            hangfire
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseLogProvider(HangfireLogBridge.Instance);
        });

        services.AddSingleton<RecurringJobSync>();
        services.AddSingleton<SchedulerOverview>();
        services.AddSingleton<CycleRunner>();
        services.AddSingleton<CycleSteps>();
        if (role == SchedulerRole.Host)
        {
            // What the jobs need from the host (the lifecycle) exists only there; a command never runs a job.
            services.AddTransient<OpenCycleJob>();
            services.AddTransient<CloseCycleJob>();
            services.AddTransient<RemindJob>();
            services.AddTransient<WeeklySummaryJob>();
            services.AddTransient<PlanSyncJob>();
            services.AddTransient<PeopleSyncJob>();
            services.AddTransient<CoachingRemindersJob>();
            services.AddTransient<ActionRemindersJob>();
            services.AddTransient<QaRetentionJob>();
            services.AddTransient<ResponseRetentionJob>();
            services.AddHostedService<RecurringJobStarter>();
            if (settings.Enabled)
            {
                services.AddHangfireServer((provider, server) =>
                {
                    server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";
                    server.Activator = provider.GetRequiredService<JobActivator>();
                    // A cycle's close and reminders are due at a minute; a second's look is cheap on both storages.
                    server.SchedulePollingInterval = TimeSpan.FromSeconds(1);
                    server.WorkerCount = Math.Clamp(Environment.ProcessorCount * 2, 4, 16);
                });
            }
        }

        return services;
    }
}
