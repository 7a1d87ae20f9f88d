using FeedbackBot.Core.Plans;
using FeedbackBot.Data;
using FeedbackBot.Jobs.Cycles;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;

namespace FeedbackBot.Jobs.Scheduling;

/// <summary>How a process uses the scheduler.</summary>
public enum SchedulerRole
{
    /// <summary>The bot: started with the host, runs jobs unless <c>Jobs:Enabled</c> is false.</summary>
    Host,

    /// <summary>A command: reads and changes the store, never runs a job and never joins the cluster.</summary>
    Standby,
}

public static class SchedulerServiceCollectionExtensions
{
    public const string SchedulerName = "FeedbackBot";

    /// <summary>
    /// Quartz on the bot's database with its persistent store: SQLite for the embedded default, PostgreSQL clustered
    /// in production, tables created when missing, job data as JSON, run history in the store. Expects the
    /// <see cref="FeedbackDbContext"/> factory and an <c>ICycleLifecycle</c> to be registered by the host.
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
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<JobsOptions>, JobsOptionsValidator>();
        services.AddSingleton<PlanTriggerSync>();
        services.AddSingleton<SchedulerOverview>();
        services.AddSingleton<CycleRunner>();

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = SchedulerName;
                o.GenerateInstanceId = true;
                o.DefaultMisfireHandling = DefaultMisfireHandling.FireAndProceed;
            });
            q.UsePersistentStore(store =>
            {
                if (database.Provider == DatabaseProvider.Postgres)
                {
                    store.UsePostgres(NpgsqlFactory.Instance, database.ConnectionString);
                    store.UseClustering(_ => { });
                }
                else
                {
                    store.UseSqlite(SqliteFactory.Instance, database.ConnectionString);
                }

                store.UseSystemTextJsonSerializer(_ => { });
                store.ProvisionSchema();
                store.UseExecutionHistory();
            });

            q.UseTypeLoader(MapRenamedJobTypes);

            if (role == SchedulerRole.Host)
            {
                AddSystemJobs(q, settings);
            }
        });

        if (role == SchedulerRole.Host)
        {
            services.AddHostedService<SchedulerStarter>();
        }

        return services;
    }

    /// <summary>
    /// The job classes once lived in <c>FeedbackBot.Jobs.Jobs</c>. The store keeps each job's class name, so a job booked
    /// before the move (a cycle's close, a reminder, a plan's open) would otherwise fail to load once the bot is
    /// upgraded, and its cycle would never close.
    /// </summary>
    private static void MapRenamedJobTypes(TypeLoaderOptions options)
    {
        const string Old = "FeedbackBot.Jobs.Jobs.";
        options.Map(Old + nameof(OpenCycleJob), typeof(OpenCycleJob));
        options.Map(Old + nameof(CloseCycleJob), typeof(CloseCycleJob));
        options.Map(Old + nameof(RemindJob), typeof(RemindJob));
        options.Map(Old + nameof(WeeklySummaryJob), typeof(WeeklySummaryJob));
        options.Map(Old + nameof(PlanSyncJob), typeof(PlanSyncJob));
    }

    private static void AddSystemJobs(IQuartzBuilder q, JobsOptions settings)
    {
        q.ScheduleJob<PlanSyncJob>(
            trigger => trigger
                .WithIdentity(JobKeys.TriggerOf(JobKeys.PlanSync))
                .StartNow()
                .WithSimpleSchedule(s => s
                    .WithInterval(TimeSpan.FromMinutes(1))
                    .RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
            job => job.WithIdentity(JobKeys.PlanSync).WithDescription("Derive the plans' open-cycle triggers from the database"));

        // An invalid setting stops the start through the validator, with a message naming the key.
        if (CronSchedule.TryParse(settings.WeeklySummaryCron, out var cron, out _) &&
            TimeZoneInfo.TryFindSystemTimeZoneById(settings.TimeZone, out var zone))
        {
            q.ScheduleJob<WeeklySummaryJob>(
                trigger => trigger
                    .WithIdentity(JobKeys.TriggerOf(JobKeys.WeeklySummary))
                    .WithCronSchedule(cron.ToQuartzExpression(), c => c
                        .InTimeZone(zone)
                        .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)),
                job => job
                    .WithIdentity(JobKeys.WeeklySummary)
                    .WithDescription("Post the weekly summary of every plan")
                    .UsingJobData(PlanTriggerSync.CronDataKey, settings.WeeklySummaryCron));
        }
    }
}
