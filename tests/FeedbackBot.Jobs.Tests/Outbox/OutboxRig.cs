using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Jobs.Outbox;
using FeedbackBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Jobs.Tests.Outbox;

/// <summary>A migrated database with one tenant, and dispatchers over it, each with its own services like an instance of the bot.</summary>
internal sealed class OutboxRig : IAsyncDisposable
{
    private readonly List<ServiceProvider> _instances = [];

    private OutboxRig(TestDatabase database, Guid tenantId)
    {
        Database = database;
        TenantId = tenantId;
    }

    public TestDatabase Database { get; }

    public Guid TenantId { get; }

    public static async Task<OutboxRig> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.CreateMigratedContextAsync();
        var tenant = new Tenant { Id = Guid.NewGuid(), Channel = TenantChannel.Teams, ExternalId = "tenant-1", Name = "Contoso", CreatedAt = DateTime.UtcNow };
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync();
        return new OutboxRig(database, tenant.Id);
    }

    /// <summary>An instance of the dispatcher with its own services, sending through <paramref name="transport"/>.</summary>
    public OutboxInstance Instance(IOutboxTransport transport, TimeProvider? clock = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Outbox:Parallelism"] = "4",
                ["Outbox:RetryBaseDelay"] = "00:00:30",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock ?? TimeProvider.System);
        services.AddDbContextFactory<FeedbackDbContext>(b => FeedbackDatabase.Configure(b, Database.Provider, Database.ConnectionString));
        services.AddFeedbackOutbox(configuration);
        services.AddSingleton(transport);
        var provider = services.BuildServiceProvider();
        _instances.Add(provider);
        return new OutboxInstance(provider.GetRequiredService<OutboxDispatcher>(), provider.GetRequiredService<IOutboxSignal>());
    }

    /// <summary>Queues <paramref name="count"/> invitations to different people, due at <paramref name="dueAt"/>.</summary>
    public async Task<List<OutboxMessage>> QueueAsync(int count, DateTime dueAt, OutboxState state = OutboxState.Pending, DateTime? claimedUntil = null)
    {
        await using var db = Database.CreateContext();
        var cycle = Guid.NewGuid();
        var messages = Enumerable.Range(0, count).Select(i =>
        {
            var person = Guid.NewGuid();
            return new OutboxMessage
            {
                Id = Guid.NewGuid(),
                TenantId = TenantId,
                Kind = OutboxKind.Invitation,
                DedupeKey = $"invite:{cycle}:{person}",
                PersonId = person,
                CycleId = cycle,
                State = state,
                NextAttemptAt = dueAt,
                ClaimedUntil = claimedUntil,
                CreatedAt = dueAt.AddMinutes(-1).AddTicks(i),
            };
        }).ToList();
        db.Outbox.AddRange(messages);
        await db.SaveChangesAsync();
        return messages;
    }

    public async Task<OutboxMessage> RowAsync(Guid id)
    {
        await using var db = Database.CreateContext();
        return await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    public async Task<Dictionary<OutboxState, int>> CountByStateAsync()
    {
        await using var db = Database.CreateContext();
        var states = await db.Outbox.AsNoTracking().Select(m => m.State).ToListAsync();
        return states.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}

/// <summary>One dispatcher and the signal that wakes it.</summary>
internal sealed record OutboxInstance(OutboxDispatcher Dispatcher, IOutboxSignal Signal);
