using FeedbackBot.Data;
using FeedbackBot.Jobs.Cycles;
using FeedbackBot.Jobs.Scheduling;
using FeedbackBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Jobs.Tests.Scheduling;

/// <summary>
/// A scheduler configured exactly as the bot configures it, on a test database, with the recording lifecycle in place
/// of the host's. Started by the test (there is no host here), shut down on dispose.
/// </summary>
internal sealed class SchedulerHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SchedulerHarness(ServiceProvider services, IScheduler scheduler)
    {
        _services = services;
        Scheduler = scheduler;
    }

    public IScheduler Scheduler { get; }

    public IServiceProvider Services => _services;

    public PlanTriggerSync Sync => _services.GetRequiredService<PlanTriggerSync>();

    public SchedulerOverview Overview => _services.GetRequiredService<SchedulerOverview>();

    public static async Task<SchedulerHarness> CreateAsync(
        TestDatabase database,
        RecordingLifecycle lifecycle,
        SchedulerRole role = SchedulerRole.Host,
        TimeProvider? clock = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
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
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddDbContextFactory<FeedbackDbContext>(b => FeedbackDatabase.Configure(b, database.Provider, database.ConnectionString));
        services.AddSingleton<ICycleLifecycle>(lifecycle);
        services.AddFeedbackScheduler(configuration, role);
        var provider = services.BuildServiceProvider();
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        return new SchedulerHarness(provider, scheduler);
    }

    public async ValueTask DisposeAsync()
    {
        await Scheduler.Shutdown(waitForJobsToComplete: true);
        await _services.DisposeAsync();
    }
}
