using FeedbackBot.CommandLine;
using FeedbackBot.Conversations;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features;
using FeedbackBot.Infrastructure.Hosting;
using FeedbackBot.Infrastructure.Outbox;
using FeedbackBot.Infrastructure.Storage;
using FeedbackBot.Jobs;
using FeedbackBot.Jobs.Outbox;
using FeedbackBot.Jobs.Scheduling;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Tests.Conversations;

/// <summary>The conversation features over a real database, with a sender that records what it would send.</summary>
internal sealed class ConversationRig : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ConversationRig(TestDatabase database, ServiceProvider services, RecordingSender sender)
    {
        Database = database;
        _services = services;
        Sender = sender;
    }

    public TestDatabase Database { get; }

    public RecordingSender Sender { get; }

    public static async Task<ConversationRig> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var configuration = AppConfiguration.Build([], new CliContext(TextWriter.Null, TextWriter.Null, CliRun.Settings(database)));
        var sender = new RecordingSender();
        var services = new ServiceCollection()
            .AddSingleton(configuration)
            .AddSingleton(TimeProvider.System)
            .AddLogging()
            .AddFeedbackStorage(configuration)
            .AddFeedbackFeatures(configuration)
            .AddFeedbackConversations()
            .AddOutboxTransport()
            .AddFeedbackJobs(configuration, SchedulerRole.Standby)
            .AddSingleton<IProactiveSender>(sender)
            .BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return new ConversationRig(database, services, sender);
    }

    /// <summary>
    /// Sends a message as a person of the playground tenant (or another tenant) from their conversation (or another
    /// one), and returns the turn once what it queued in the outbox has been sent.
    /// </summary>
    /// <remarks>A message is private (the person's own chat with the bot) unless <paramref name="inChannel"/>.</remarks>
    public async Task<ConversationTurn> SayAsync(string user, string text, string tenant = "local", string? conversation = null, bool inChannel = false)
    {
        var turn = await HandleAsync(new BotRequest(
            BotChannel.Playground, tenant, new BotUser(user, Name(user)), conversation ?? "conv-" + user, Guid.NewGuid().ToString(), text, null, Private: !inChannel));
        await DeliverAsync();
        return turn;
    }

    /// <summary>Sends everything the outbox holds through the recording sender.</summary>
    public async Task DeliverAsync()
    {
        await _services.GetRequiredService<OutboxDispatcher>().RunOnceAsync(CancellationToken.None);
    }

    /// <summary>The scheduler's store, as the running bot would find it.</summary>
    /// <summary>The delayed jobs booked in the job store, by the name the dashboard shows.</summary>
    public IReadOnlyList<(string Name, DateTime EnqueueAt)> ScheduledJobs() => DueJobs.Scheduled(_services);

    /// <summary>Every job the store holds, whatever its state: what the bot asked Hangfire to run.</summary>
    public IReadOnlyList<string> AllJobNames() => DueJobs.All(_services);

    public Task<ConversationTurn> SubmitAsync(string user, string verb, IReadOnlyDictionary<string, string> values, string tenant = "local") =>
        HandleAsync(new BotRequest(BotChannel.Playground, tenant, new BotUser(user, Name(user)), "conv-" + user, Guid.NewGuid().ToString(), null, new BotSubmission(verb, values), Private: true));

    /// <summary>Makes the person known with a personal conversation the bot can write to.</summary>
    public async Task MeetAsync(string user, string tenant = "local")
    {
        await SayAsync(user, "hello", tenant);
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        var request = new BotRequest(BotChannel.Playground, tenant, new BotUser(user, Name(user)), "conv-" + user, null, "hello", null);
        await ConversationParty.ResolveAsync(db, request, new ConversationPlace("conv-" + user, Personal: true), role: null, DateTime.UtcNow, CancellationToken.None);
    }

    public async Task<T> WithDbAsync<T>(Func<FeedbackDbContext, Task<T>> query)
    {
        await using var scope = _services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<FeedbackDbContext>());
    }

    /// <summary>Runs <paramref name="action"/> with the rig's services in a scope of its own, as a scheduled job would.</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async Task ApplyExamplePlansAsync()
    {
        var files = Directory.GetFiles(RepositoryPaths.ExamplePlans, "*.yaml").Order().ToArray();
        var run = await CliRun.RunAsync(Database, ["plans", "apply", .. files]);
        Assert.True(run.ExitCode == 0, run.Error);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Database.DisposeAsync();
    }

    private async Task<ConversationTurn> HandleAsync(BotRequest request)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ConversationHandler>().HandleAsync(request, CancellationToken.None);
    }

    private static string Name(string user) => char.ToUpperInvariant(user[0]) + user[1..];

    /// <summary>
    /// Records proactive sends; people listed in <see cref="Blocked"/> cannot be reached. The outbox sends several
    /// messages at once, so the record is kept under a lock.
    /// </summary>
    internal sealed class RecordingSender : IProactiveSender
    {
        private readonly Lock _gate = new();
        private readonly List<(string ConversationId, BotReply Reply)> _sent = [];

        public IReadOnlyList<(string ConversationId, BotReply Reply)> Sent
        {
            get
            {
                lock (_gate)
                {
                    return [.. _sent];
                }
            }
        }

        public HashSet<string> Blocked { get; } = [];

        public TenantChannel Channel => TenantChannel.Local;

        public Task<bool> SendAsync(Tenant tenant, ConversationReference conversation, BotReply reply, CancellationToken cancellationToken)
        {
            if (Blocked.Contains(conversation.ConversationId))
            {
                return Task.FromResult(false);
            }

            lock (_gate)
            {
                _sent.Add((conversation.ConversationId, reply));
            }

            return Task.FromResult(true);
        }
    }
}
