using FeedbackBot.Data;
using FeedbackBot.Jobs.Cycles;
using FeedbackBot.Jobs.Scheduling;
using FeedbackBot.Testing;
using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using Hangfire.Storage.Monitoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace FeedbackBot.Jobs.Tests.Scheduling;

/// <summary>
/// The scheduler configured exactly as the bot configures it (<c>AddFeedbackScheduler</c>), on a test database, with
/// the recording lifecycle in place of the host's. There is no host here: the test starts the hosted services (the
/// Hangfire server and the recurring-job starter) when it wants jobs to run, and disposing stops them first.
/// </summary>
internal sealed class SchedulerHarness : IAsyncDisposable
{
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(30);

    private readonly ServiceProvider _services;
    private IReadOnlyList<IHostedService> _started = [];

    private SchedulerHarness(ServiceProvider services) => _services = services;

    public IServiceProvider Services => _services;

    public JobStorage Storage => _services.GetRequiredService<JobStorage>();

    public RecurringJobSync Sync => _services.GetRequiredService<RecurringJobSync>();

    public SchedulerOverview Overview => _services.GetRequiredService<SchedulerOverview>();

    public IRecurringJobManagerV2 Recurring => _services.GetRequiredService<IRecurringJobManagerV2>();

    public IBackgroundJobClient Jobs => _services.GetRequiredService<IBackgroundJobClient>();

    public CycleSteps Steps => _services.GetRequiredService<CycleSteps>();

    /// <summary>Migrates a test database as the bot's migration step does, Hangfire's PostgreSQL schema included.</summary>
    public static async Task<FeedbackDbContext> MigrateAsync(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var db = await database.CreateMigratedContextAsync();
        if (database.Provider == DatabaseProvider.Postgres)
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            SchedulerStorage.InstallPostgresSchema(connection);
        }

        return db;
    }

    /// <param name="database">A database <see cref="MigrateAsync"/> prepared.</param>
    /// <param name="lifecycle">Stands in for the host's lifecycle.</param>
    /// <param name="role">Host gets the Hangfire server and the recurring-job starter, as the bot does.</param>
    /// <param name="clock">The clock the bot's own code reads; real time when null.</param>
    /// <param name="recurringNow">
    /// The moment Hangfire's recurring-job manager works next executions out from, when a test needs a fixed date or a
    /// store written in the past; real time when null. Only that manager is replaced: Hangfire's server keeps real time.
    /// </param>
    /// <param name="settings">Extra configuration, as the bot's <c>Jobs</c> section.</param>
    public static SchedulerHarness Create(
        TestDatabase database,
        ICycleLifecycle lifecycle,
        SchedulerRole role = SchedulerRole.Host,
        TimeProvider? clock = null,
        DateTimeOffset? recurringNow = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var values = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:Feedback"] = database.ConnectionString,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock ?? TimeProvider.System);
        services.AddDbContextFactory<FeedbackDbContext>(b => FeedbackDatabase.Configure(b, database.Provider, database.ConnectionString));
        services.AddSingleton(lifecycle);
        if (recurringNow is { } now)
        {
            // Registered first: Hangfire only adds its own manager when none is there.
            services.AddSingleton<IRecurringJobManagerV2>(provider => new RecurringJobManager(
                provider.GetRequiredService<JobStorage>(), JobFilterProviders.Providers, new DefaultTimeZoneResolver(), () => now.UtcDateTime));
        }

        services.AddFeedbackScheduler(configuration, role);
        return new SchedulerHarness(services.BuildServiceProvider());
    }

    /// <summary>Starts the hosted services the bot would start: for a host, the recurring-job starter and the Hangfire server.</summary>
    public async Task StartAsync()
    {
        var hosted = _services.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        _started = hosted;
    }

    /// <summary>Stops the hosted services, waiting for the jobs that are running to end; bounded.</summary>
    public async Task StopAsync()
    {
        var started = _started;
        _started = [];
        using var bound = new CancellationTokenSource(StopBound);
        await Task.WhenAll(started.Reverse().Select(s => s.StopAsync(bound.Token)));
    }

    /// <summary>The recurring job of that id as Hangfire stores it; null when there is none.</summary>
    public RecurringJobDto? RecurringJob(string id)
    {
        using var connection = Storage.GetConnection();
        return connection.GetRecurringJobs([id]).SingleOrDefault(j => !j.Removed);
    }

    public IReadOnlyList<RecurringJobDto> RecurringJobs()
    {
        using var connection = Storage.GetConnection();
        return [.. connection.GetRecurringJobs().Where(j => !j.Removed)];
    }

    /// <summary>The delayed jobs waiting in the store, as Hangfire's monitoring API (and its dashboard) lists them.</summary>
    public IReadOnlyList<ScheduledJobDto> ScheduledJobs() =>
        [.. Storage.GetMonitoringApi().ScheduledJobs(0, 10_000).Select(j => j.Value).Where(j => j is { InScheduledState: true })];

    /// <summary>The jobs of one kind that succeeded, with their arguments.</summary>
    public IReadOnlyList<Job> SucceededJobs<T>() =>
        [.. Storage.GetMonitoringApi().SucceededJobs(0, 10_000).Select(j => j.Value?.Job).OfType<Job>().Where(j => j.Type == typeof(T))];

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _services.DisposeAsync();
    }
}
